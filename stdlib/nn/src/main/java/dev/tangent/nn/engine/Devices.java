package dev.tangent.nn.engine;

import ai.djl.Device;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Context;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "cpu", "gpu" (or "gpu:1", "cuda") and "auto". The check is on the PyTorch natives in use, not on
 * the hardware: the CPU classifier jar has no CUDA even on a machine with a GPU.
 */
public final class Devices {
  private Devices() {}

  public static Device resolve(String spec, Context ctx) {
    String s = spec.trim().toLowerCase();
    if (s.equals("cpu")) return Device.cpu();
    if (s.equals("auto")) {
      if (Djl.nativesHaveCuda() && Djl.engine().getGpuCount() > 0) return Device.gpu(0);
      Session.of(ctx).warnOnce("auto-device", "nn: device \"auto\": " + whyNoGpu() + "; using the CPU");
      return Device.cpu();
    }
    if (s.equals("gpu") || s.equals("cuda") || s.startsWith("gpu:") || s.startsWith("cuda:")) {
      int id = s.indexOf(':') < 0 ? 0 : parseId(s.substring(s.indexOf(':') + 1), spec);
      if (!Djl.nativesHaveCuda()) {
        throw TangentError.runtime("device \"" + spec + "\": " + whyNoGpu())
            .withHint("use device: \"cpu\", or device: \"auto\" to fall back to the CPU with a warning");
      }
      int n = Djl.engine().getGpuCount();
      if (id >= n) throw TangentError.runtime("device \"" + spec + "\": there " + (n == 1 ? "is 1 GPU" : "are " + n + " GPUs"));
      return Device.gpu(id);
    }
    throw TangentError.runtime("unknown device \"" + spec + "\" (use \"cpu\", \"gpu\", \"gpu:N\" or \"auto\")");
  }

  private static int parseId(String t, String spec) {
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw TangentError.runtime("unknown device \"" + spec + "\" (use \"gpu:N\" with N a number)");
    }
  }

  /** Why CUDA is unavailable, naming what the user can change. */
  static String whyNoGpu() {
    String natives = "the PyTorch natives in use (" + Djl.engine().getVersion() + ", CPU build from the "
        + "pytorch-native-cpu jar) have no CUDA support";
    if (Djl.nativesHaveCuda()) return "CUDA natives are loaded but no GPU is visible";
    boolean gpuHere = Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/proc/driver/nvidia/version"));
    return natives + (gpuHere
        ? "; this machine has an NVIDIA GPU: put ai.djl.pytorch:pytorch-native-cu128 (linux-x86_64) on the class path instead"
        : " and this machine shows no NVIDIA GPU");
  }
}
