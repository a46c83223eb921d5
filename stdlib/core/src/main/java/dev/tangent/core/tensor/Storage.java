package dev.tangent.core.tensor;

/**
 * The flat row-major elements behind a Tensor. {@link HeapStorage} keeps them in a Java array
 * (the small path); the tangent-tensor module keeps them in ND4J; {@link BufferStorage} views
 * native memory another library owns (a network tensor's). Reads convert to the asked
 * element type, so kernels are written once over Java arrays and walk other storage in chunks.
 */
public abstract class Storage {
  public abstract DType dtype();

  public abstract int size();

  /** "java" for the pure-Java path, "cpu" for ND4J. */
  public abstract String device();

  public abstract double getDouble(int i);

  public abstract void setDouble(int i, double v);

  public long getLong(int i) { return (long) getDouble(i); }

  public void setLong(int i, long v) { setDouble(i, v); }

  /** Copies n elements from index from, converted, into dst[off...]. */
  public abstract void read(int from, double[] dst, int off, int n);

  public abstract void read(int from, float[] dst, int off, int n);

  public abstract void read(int from, long[] dst, int off, int n);

  /** Copies n values into elements from.., converting to this storage's type. */
  public abstract void write(int from, double[] src, int off, int n);

  public abstract void write(int from, float[] src, int off, int n);

  public abstract void write(int from, long[] src, int off, int n);

  /** The backing Java array (double[], float[], long[] or boolean[]), or null when off-heap. */
  public Object heapArray() { return null; }

  /**
   * The elements as a native-order direct buffer when they live in native memory (ND4J, or a
   * network array a Tensor views), else null. The memory stays allocated only while
   * {@link #nativeOwner()} is reachable: whoever keeps the buffer keeps the owner too.
   */
  public java.nio.ByteBuffer nativeBuffer() { return null; }

  /** What keeps the memory of {@link #nativeBuffer()} allocated: this storage by default. */
  public Object nativeOwner() { return this; }

  public abstract Storage copy();

  public double[] toDoubles() {
    double[] d = new double[size()];
    read(0, d, 0, d.length);
    return d;
  }

  public float[] toFloats() {
    float[] d = new float[size()];
    read(0, d, 0, d.length);
    return d;
  }

  public long[] toLongs() {
    long[] d = new long[size()];
    read(0, d, 0, d.length);
    return d;
  }

  public boolean[] toBools() {
    boolean[] b = new boolean[size()];
    for (int i = 0; i < b.length; i++) b[i] = getDouble(i) != 0;
    return b;
  }
}
