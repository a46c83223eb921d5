package dev.tangent.lib.linalg;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Native (off-heap) f64 memory for the large per-chunk work matrices: BLAS reads and writes it
 * without a JNI copy, and Java reads and writes it through a direct buffer. Freed by close().
 */
public final class NBuf implements AutoCloseable {
  private final DoublePointer ptr;
  public final DoubleBuffer buf;
  public final long size;

  private NBuf(long size) {
    if (size <= 0 || size > Integer.MAX_VALUE) throw new IllegalArgumentException("native buffer of " + size + " doubles");
    this.size = size;
    try {
      this.ptr = new DoublePointer(size);
    } catch (OutOfMemoryError e) {
      throw new OutOfMemoryError("cannot allocate " + (size * 8 >> 20) + " MB of native memory");
    }
    this.ptr.fill(0);
    this.buf = ptr.asBuffer();
  }

  public static NBuf allocate(long size) { return new NBuf(Math.max(1, size)); }

  /** A pointer to element offset, for one BLAS call (the shared pointer's position is left alone). */
  DoublePointer at(long offset) {
    if (offset < 0 || offset >= size) throw new IndexOutOfBoundsException("offset " + offset + " of " + size);
    return new DoublePointer(ptr).position(offset);
  }

  public double get(int i) { return buf.get(i); }

  public void set(int i, double v) { buf.put(i, v); }

  public void add(int i, double v) { buf.put(i, buf.get(i) + v); }

  public void zero(long from, long n) {
    for (long i = from; i < from + n; i++) buf.put((int) i, 0);
  }

  /** Copies n values from the heap array into this buffer at offset. */
  public void put(long offset, double[] src, int srcOff, int n) {
    DoubleBuffer d = buf.duplicate();
    d.position((int) offset);
    d.put(src, srcOff, n);
  }

  public void get(long offset, double[] dst, int dstOff, int n) {
    DoubleBuffer d = buf.duplicate();
    d.position((int) offset);
    d.get(dst, dstOff, n);
  }

  @Override public void close() { ptr.close(); }
}
