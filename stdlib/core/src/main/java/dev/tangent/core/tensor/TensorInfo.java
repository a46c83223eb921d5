package dev.tangent.core.tensor;

import java.lang.management.ManagementFactory;

/** The text of tensor_info(): which kernels the Java path and the back-end run, and why. */
final class TensorInfo {
  private TensorInfo() {}

  static String describe(boolean start) {
    TensorBackend b = Placement.backend();
    String backend = b == null
        ? "none (tangent-tensor is not on the class path: every tensor is on the pure-Java path)"
        : b.describe(start);
    return "java: " + javaKernels() + "\nlarge tensors (device \"cpu\"): " + backend;
  }

  /** How the pure-Java f32 kernels run: on the Vector API, or in loops C2 vectorises by itself. */
  static String javaKernels() {
    int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
    String how = Simd.AVAILABLE ? "the Vector API (jdk.incubator.vector)" : "loops the JIT vectorises (" + simdWidth() + ")";
    return "f32 exp/log/sin/cos and arithmetic in " + how + ", large tensors on " + threads + (threads == 1 ? " thread" : " threads");
  }

  /** The JIT's widest vectors, from UseAVX and MaxVectorSize on x86 HotSpot. */
  static String simdWidth() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      int avx = Integer.parseInt(hs.getVMOption("UseAVX").getValue());
      int bytes = Integer.parseInt(hs.getVMOption("MaxVectorSize").getValue());
      String isa = avx >= 3 && bytes >= 64 ? "AVX-512" : avx >= 2 ? "AVX2" : avx == 1 ? "AVX" : "SSE";
      return isa + ", " + bytes / 4 + " floats per instruction";
    } catch (RuntimeException | LinkageError e) {
      return "vector width unknown";
    }
  }
}
