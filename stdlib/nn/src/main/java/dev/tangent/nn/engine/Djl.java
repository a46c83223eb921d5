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
        Engine started = Engine.getEngine("PyTorch");
        JniUtils.setGraphExecutorOptimize(false);
        engine = started;
      }
      return engine;
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
