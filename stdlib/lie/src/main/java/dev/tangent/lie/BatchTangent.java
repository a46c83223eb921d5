package dev.tangent.lie;

/** n tangents of one group in one flat array (tangent i at offset i * dof). */
final class BatchTangent {
  final GroupValue group;
  final int n;
  final double[] v;

  BatchTangent(GroupValue group, int n, double[] v) {
    this.group = group;
    this.n = n;
    this.v = v;
  }
}
