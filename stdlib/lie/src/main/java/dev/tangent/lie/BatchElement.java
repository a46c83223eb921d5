package dev.tangent.lie;

/** n elements of one group in one flat array (element i at offset i * rep). */
final class BatchElement {
  final GroupValue group;
  final int n;
  final double[] c;

  BatchElement(GroupValue group, int n, double[] c) {
    this.group = group;
    this.n = n;
    this.c = c;
  }
}
