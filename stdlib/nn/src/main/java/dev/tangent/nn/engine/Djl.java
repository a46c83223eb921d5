package dev.tangent.nn.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine once per JVM, offline: the natives come from the
 * pytorch-native-cpu classifier jar on the class path, so nothing is downloaded.
 */
public final class Djl {
  private Djl() {}

  private static volatile Engine engine;

  public static Engine engine() {
    Engine e = engine;
    if (e != null) return e;
    synchronized (Djl.class) {
      if (engine == null) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
        // TorchScript blocks: skip the profiling executor's warm-up runs (a one-off cost per shape).
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        nativeEnvironment();
        Engine started;
        try (AutoCloseable note = dev.tangent.spi.NativeLibraries.firstUnpack("PyTorch",
            dev.tangent.spi.NativeLibraries.pytorchCache(), "430 MB")) {
          started = Engine.getEngine("PyTorch");
        } catch (RuntimeException | Error failed) {
          throw failed;
        } catch (Exception failed) {
          throw new IllegalStateException(failed);
        }
        JniUtils.setGraphExecutorOptimize(false);
        engine = started;
      }
      return engine;
    }
  }

  /**
   * Native settings read from the environment when libtorch and MKL load, set first unless the
   * user chose them. Java cannot change its own environment; libc's setenv through JNA can.
   * TORCH_CPP_LOG_LEVEL=ERROR: libtorch would print a one-off C++ deprecation warning from DJL's
   * JNI glue straight to stderr.
   */
  private static void nativeEnvironment() {
    setenvIfAbsent("TORCH_CPP_LOG_LEVEL", "ERROR");
    if (oneDnnMiscomputes()) setenvIfAbsent("ONEDNN_MAX_CPU_ISA", "SSE41");
  }

  /**
   * The oneDNN inside PyTorch 2.7.1's CPU natives computes wrong float32 convolutions (wrong values,
   * sometimes NaN, deterministic) with its AVX, AVX2 and AVX-512 kernels on AMD family 1Ah (Zen 5)
   * processors whenever the channels summed over have a tail in its blocked layouts (8 floats for
   * AVX/AVX2, 16 for AVX-512): the forward pass when C_in is above the block and not a multiple of
   * it, and (AVX2, AVX-512) the input gradient when C_out is not a multiple of it; the weight
   * gradient is right. Its SSE4.1 kernels are right, so there oneDNN is limited to them
   * (ONEDNN_MAX_CPU_ISA, read when oneDNN first runs; a user's own setting wins). Turning oneDNN off
   * instead (libtorch's im2col + MKL GEMM) is right too but measured about 1.25x slower per DRDM
   * training step with 2.5x the memory (docs/benchmarks.md, "drdm: network"). Found by stdlib/drdm's
   * ConvCorrectnessTest and ConvIsaProbe against PyTorch 2.13, whose newer oneDNN is right here.
   */
  static boolean oneDnnMiscomputes() {
    try {
      String info = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
      if (!info.contains("AuthenticAMD")) return false;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^cpu family\\s*:\\s*(\\d+)").matcher(info);
      return m.find() && Integer.parseInt(m.group(1)) >= 26;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private static void setenvIfAbsent(String name, String value) {
    if (System.getenv(name) != null) return;
    try {
      com.sun.jna.NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {name, value, 0});
    } catch (Throwable e) {
      // Not on a libc system: the defaults stay, nothing else changes.
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  /** True when the loaded natives were built with CUDA (not merely when a GPU is present). */
  public static boolean nativesHaveCuda() {
    return engine().hasCapability("CUDA");
  }

  public static String describe() {
    Engine e = engine();
    return "PyTorch " + e.getVersion() + " (DJL " + Engine.getDjlVersion() + "), features " + JniUtils.getFeatures();
  }
}
