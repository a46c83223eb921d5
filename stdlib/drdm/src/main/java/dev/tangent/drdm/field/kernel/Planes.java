package dev.tangent.drdm.field.kernel;

/**
 * {@code channels} planes of one grid's voxels stored one after another in a Java array (float[],
 * double[] or long[]), starting at {@code offset}: the layout of a [C, ...spatial] tensor.
 */
public record Planes(Object array, int offset, int channels) {
  public float[] floats() { return (float[]) array; }

  public double[] doubles() { return (double[]) array; }

  public long[] longs() { return (long[]) array; }
}
