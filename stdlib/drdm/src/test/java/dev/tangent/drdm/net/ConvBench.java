package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.api.Tangent;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Functional;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;

/** Experiment: the network's 3x3 convolutions via libtorch's convolution against im2col + matmul. */
public final class ConvBench {
  private ConvBench() {}

  static NDArray im2col(NDArray x, NDArray w, NDArray b, long d) {
    Shape s = x.getShape();
    long bsz = s.get(0), c = s.get(1), h = s.get(2), wd = s.get(3);
    long o = w.getShape().get(0);
    NDArray xp = JniUtils.pad((PtNDArray) x, new long[] {d, d, d, d}, 0);
    NDList cols = new NDList(9);
    for (int a = 0; a < 3; a++) for (int bb = 0; bb < 3; bb++) {
      cols.add(xp.get(new NDIndex(":, :, {}:{}, {}:{}", a * d, a * d + h, bb * d, bb * d + wd)));
    }
    NDArray col = NDArrays.stack(cols, 2).reshape(bsz, c * 9, h * wd);
    NDArray y = w.reshape(o, c * 9).matMul(col);
    return y.reshape(bsz, o, h, wd).add(b.reshape(1, o, 1, 1));
  }

  public static void main(String[] args) {
    Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).importModule("nn").build();
    Session s = Session.of(t.interpreter().context());
    NDManager m = s.manager();
    long[][] shapes = {{10, 10, 128, 1}, {10, 10, 128, 3}, {20, 20, 64, 1}, {20, 20, 64, 3}, {40, 40, 32, 3}, {20, 20, 16, 3}};
    for (long[] sh : shapes) {
      NDArray x = m.randomUniform(-1, 1, new Shape(4, sh[0], sh[2], sh[2]));
      NDArray w = m.randomUniform(-0.1f, 0.1f, new Shape(sh[1], sh[0], 3, 3));
      NDArray b = m.zeros(new Shape(sh[1]));
      x.setRequiresGradient(true);
      w.setRequiresGradient(true);
      long d = sh[3];
      double t1 = time(() -> Functional.conv(x, w, b, new long[] {1, 1}, new long[] {d, d}, new long[] {d, d}, 1));
      double t2 = time(() -> im2col(x, w, b, d));
      double err = Grad.noGrad(() -> Functional.conv(x, w, b, new long[] {1, 1}, new long[] {d, d}, new long[] {d, d}, 1)
          .sub(im2col(x, w, b, d)).abs().max().getFloat());
      System.out.printf("%s: conv %.2f ms, im2col %.2f ms, max diff %.2g%n", java.util.Arrays.toString(sh), t1 * 1e3, t2 * 1e3, err);
    }
  }

  static double time(java.util.function.Supplier<NDArray> f) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] v = new double[9];
    for (int i = -2; i < v.length; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        Grad.set(true);
        Grad.backward(f.get().sum());
      }
      if (i >= 0) v[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    }
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }
}
