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
   * processors: for example a 3x3 convolution with dilation 3 of a [4, 20, 32, 32] input, or a
   * stride-2 4x4 one with 20 channels. Its SSE4.1 kernels are right, so there oneDNN is limited to
   * them (ONEDNN_MAX_CPU_ISA, read when oneDNN first runs; a user's own setting wins). Found by
   * stdlib/drdm's tests against PyTorch 2.13, whose newer oneDNN is right on the same machine.
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
