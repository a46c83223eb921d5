package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Services;

/**
 * Where a tensor's elements live. Small tensors stay in Java arrays; a tensor of at least
 * {@link #LARGE} elements, or one placed with device: "cpu", lives in the back-end (ND4J),
 * which is looked up with ServiceLoader only when first needed, so `1 + 2` never loads it. A large
 * tensor placed with device: "java" stays in Java, and so do the large results computed from it.
 */
public final class Placement {
  private Placement() {}

  /** Element count from which results and created tensors move to the back-end. */
  public static final int LARGE = Integer.getInteger("tangent.tensor.large", 1 << 16);

  public static final String JAVA = "java";

  private static volatile boolean searched;
  private static volatile TensorBackend backend;

  /** The back-end on the class path, or null; the first call looks it up (it starts nothing). */
  public static TensorBackend backend() {
    if (!searched) {
      synchronized (Placement.class) {
        if (!searched) {
          backend = Services.load(TensorBackend.class, Placement.class.getClassLoader()).stream().findFirst().orElse(null);
          searched = true;
        }
      }
    }
    return backend;
  }

  /** True without looking the back-end up: for code that must not trigger the search. */
  static boolean backendLoaded() { return searched && backend != null; }

  static boolean onBackend(Tensor t) { return !t.storage.device().equals(JAVA); }

  /**
   * Whether a result of n elements computed from these inputs belongs on the back-end: a large
   * one, unless a large input lives in Java (a user put it there with device: "java", and its
   * results stay with it); a small one only when an input is a small tensor on the back-end (one
   * placed there with device: "cpu", or computed from one). A small result of a large tensor (a
   * row, a slice, a reduction) comes back to Java, where small tensors are fast: u[t] in a loop
   * over the rows of a large u must not make every step's arithmetic go through ND4J.
   */
  static boolean wantBackend(long n, Tensor... inputs) {
    if (n >= LARGE) {
      for (Tensor t : inputs) if (t != null && t.size() >= LARGE && !onBackend(t)) return false;
      return backend() != null;
    }
    for (Tensor t : inputs) if (t != null && onBackend(t) && t.size() < LARGE) return true;
    return false;
  }

  /**
   * Whether n elements of type t fit one back-end buffer: the back-end's Java view of its memory
   * is one NIO buffer, at most 2 GiB. Larger tensors (up to 2^31 elements) stay in Java arrays,
   * which hold them; asking for one on "cpu" explicitly is refused with a message.
   */
  static boolean fitsBackend(DType t, long n) {
    return n * bytes(t) <= Integer.MAX_VALUE;
  }

  private static int bytes(DType t) {
    switch (t) {
      case F64: case I64: return 8;
      case F32: return 4;
      default: return 1;
    }
  }

  /** Zero-filled storage for a result. */
  static Storage allocate(DType t, int n, boolean onBackend) {
    if (onBackend && backend() != null && fitsBackend(t, n)) return backend().allocate(t, n);
    return HeapStorage.allocate(t, n);
  }

  /** Storage a kernel will overwrite completely. */
  static Storage allocateForWrite(DType t, int n, boolean onBackend) {
    if (onBackend && backend() != null && fitsBackend(t, n)) return backend().allocateUninitialized(t, n);
    return HeapStorage.allocate(t, n);
  }

  /** Moves (copies) heap contents to the back-end when asked. */
  static Storage place(HeapStorage s, boolean onBackend) {
    if (!onBackend || backend() == null || !fitsBackend(s.dtype(), s.size())) return s;
    Storage out = backend().allocateUninitialized(s.dtype(), s.size());
    copyInto(s, out);
    return out;
  }

  static void copyInto(Storage from, Storage to) {
    int n = from.size();
    Object arr = from.heapArray();
    if (arr instanceof double[] d) { to.write(0, d, 0, n); return; }
    if (arr instanceof float[] f) { to.write(0, f, 0, n); return; }
    if (arr instanceof long[] l) { to.write(0, l, 0, n); return; }
    Object dst = to.heapArray();
    if (dst instanceof double[] d) { from.read(0, d, 0, n); return; }
    if (dst instanceof float[] f) { from.read(0, f, 0, n); return; }
    if (dst instanceof long[] l) { from.read(0, l, 0, n); return; }
    if (from.dtype() == DType.F32) { to.write(0, from.toFloats(), 0, n); return; }
    if (from.dtype() == DType.I64 || from.dtype() == DType.BOOL) { to.write(0, from.toLongs(), 0, n); return; }
    to.write(0, from.toDoubles(), 0, n);
  }

  /** Checks a device: argument; null means "choose by size". */
  public static String checkDevice(String device) {
    if (device == null) return null;
    String d = device.toLowerCase();
    if (d.equals(JAVA)) return JAVA;
    if (d.equals("cpu")) {
      if (backend() == null) {
        throw TangentError.runtime("device \"cpu\" needs the tangent-tensor module (ND4J) on the class path; "
            + "without it tensors stay on the pure-Java path (device \"java\")");
      }
      return "cpu";
    }
    if (d.startsWith("gpu") || d.startsWith("cuda")) {
      throw TangentError.runtime("device \"" + device + "\": tensors run on the CPU (ND4J's CPU build has no GPU); "
          + "the nn module runs networks on a GPU where one exists");
    }
    throw TangentError.runtime("unknown device \"" + device + "\" (expected \"cpu\" for ND4J or \"java\" for the pure-Java path)");
  }

  /** The storage on the named device (a copy when it moves). */
  static Storage to(Storage s, String device) {
    if (device.equals(s.device())) return s;
    if (device.equals(JAVA)) {
      HeapStorage h = HeapStorage.allocate(s.dtype(), s.size());
      copyInto(s, h);
      return h;
    }
    if (!fitsBackend(s.dtype(), s.size())) {
      throw TangentError.runtime("a tensor of " + String.format("%,d", s.size()) + " " + s.dtype().name().toLowerCase()
          + " elements (" + (((long) s.size() * bytes(s.dtype())) >> 20) + " MiB) is larger than one ND4J buffer (2 GiB); "
          + "keep it on device \"java\", use f32, or split it");
    }
    Storage out = backend().allocateUninitialized(s.dtype(), s.size());
    copyInto(s, out);
    return out;
  }
}
