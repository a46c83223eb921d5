package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * libtorch's grad mode (thread-local in libtorch, mirrored here to save JNI calls). Scripts run
 * with it on, as in PyTorch: operations on arrays that require gradients record the graph.
 */
public final class Grad {
  private Grad() {}

  private static final ThreadLocal<Boolean> MODE = new ThreadLocal<>();

  public static void set(boolean on) {
    Boolean cur = MODE.get();
    if (cur == null || cur != on) {
      JniUtils.setGradMode(on);
      MODE.set(on);
    }
  }

  /**
   * Scripts record gradients by default, as in PyTorch. The first nn call on a thread turns grad
   * mode on (DJL's engine start turned it off); later calls leave it alone, so no_grad holds.
   */
  public static void initThread() {
    if (MODE.get() == null) set(true);
  }

  public static boolean enabled() {
    Boolean cur = MODE.get();
    return cur != null && cur;
  }

  /** Runs work with recording off (optimiser updates, evaluation), restoring the mode after. */
  public static <T> T noGrad(Supplier<T> work) {
    boolean before = enabled();
    set(false);
    try {
      return work.get();
    } finally {
      set(before);
    }
  }

  public static void noGrad(Runnable work) {
    noGrad(() -> {
      work.run();
      return null;
    });
  }

  /** Accumulates d(target)/d(leaf) into every leaf that requires a gradient. */
  public static void backward(NDArray target) {
    if (target.getShape().size() != 1) {
      throw new IllegalArgumentException("needs a scalar (one element), got shape " + target.getShape());
    }
    try (NDArray seed = target.onesLike()) {
      JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("does not require grad")) {
        throw new IllegalArgumentException("the value does not depend on any array that requires a gradient");
      }
      throw e;
    }
  }
}
