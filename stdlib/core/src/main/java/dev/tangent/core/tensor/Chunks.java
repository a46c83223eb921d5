package dev.tangent.core.tensor;

import java.util.stream.IntStream;

/**
 * Runs flat kernels over [0, size) in chunks: inline for small tensors, on the common fork-join
 * pool for large ones. Off-heap storage is copied through per-thread scratch arrays, so every
 * kernel is a plain loop over Java arrays.
 */
final class Chunks {
  private Chunks() {}

  static final int CHUNK = 1 << 14;
  static final int PARALLEL_MIN = 1 << 16;

  interface Task {
    void run(int from, int n, Scratch s);
  }

  /**
   * Every chunk first looks at the running evaluation's interrupt: Ctrl-C stops a kernel over a
   * huge tensor within one chunk (workers skip the rest; the calling thread raises it).
   */
  static void run(int size, Task task) {
    int chunks = (size + CHUNK - 1) / CHUNK;
    dev.tangent.spi.Context ctx = dev.tangent.spi.Context.current();
    if (size < PARALLEL_MIN || chunks < 2) {
      Scratch s = Scratch.get();
      for (int c = 0; c < chunks; c++) {
        if (ctx != null && c > 0) ctx.checkInterrupt();
        task.run(c * CHUNK, Math.min(CHUNK, size - c * CHUNK), s);
      }
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> {
      if (ctx != null && ctx.interruptRequested()) return;
      task.run(c * CHUNK, Math.min(CHUNK, size - c * CHUNK), Scratch.get());
    });
    if (ctx != null) ctx.checkInterrupt();
  }

  /** Per-thread buffers: three of each element type (two inputs and one output). */
  static final class Scratch {
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
    final float[][] f = {new float[CHUNK], new float[CHUNK], new float[CHUNK]};
    final double[][] d = {new double[CHUNK], new double[CHUNK], new double[CHUNK]};
    final long[][] l = {new long[CHUNK], new long[CHUNK], new long[CHUNK]};

    static Scratch get() { return LOCAL.get(); }
  }

  /** The elements [from, from+n) as floats: the storage's own array, or a filled scratch array. */
  static float[] floats(Storage s, int from, int n, float[] scratch) {
    if (s.heapArray() instanceof float[] a) return a;
    s.read(from, scratch, 0, n);
    return scratch;
  }

  static double[] doubles(Storage s, int from, int n, double[] scratch) {
    if (s.heapArray() instanceof double[] a) return a;
    s.read(from, scratch, 0, n);
    return scratch;
  }

  static long[] longs(Storage s, int from, int n, long[] scratch) {
    if (s.heapArray() instanceof long[] a) return a;
    s.read(from, scratch, 0, n);
    return scratch;
  }

  /** Offset of element `from` inside an array returned above. */
  static int offset(Storage s, Object array, int from) {
    return array == s.heapArray() ? from : 0;
  }

  /** Where a kernel writes: the storage's own array when it is one of this type, else scratch. */
  static float[] outFloats(Storage s, float[] scratch) {
    return s.heapArray() instanceof float[] a ? a : scratch;
  }

  static double[] outDoubles(Storage s, double[] scratch) {
    return s.heapArray() instanceof double[] a ? a : scratch;
  }

  static long[] outLongs(Storage s, long[] scratch) {
    return s.heapArray() instanceof long[] a ? a : scratch;
  }

  /** Copies scratch output back to off-heap storage (no-op when the kernel wrote in place). */
  static void flush(Storage s, float[] out, int from, int n) {
    if (out != s.heapArray()) s.write(from, out, 0, n);
  }

  static void flush(Storage s, double[] out, int from, int n) {
    if (out != s.heapArray()) s.write(from, out, 0, n);
  }

  static void flush(Storage s, long[] out, int from, int n) {
    if (out != s.heapArray()) s.write(from, out, 0, n);
  }
}
