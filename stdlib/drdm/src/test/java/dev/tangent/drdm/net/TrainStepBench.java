package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.api.Tangent;
import dev.tangent.drdm.net.layers.InstanceNorm;
import dev.tangent.drdm.net.layers.UpConv;
import dev.tangent.drdm.net.loss.RecoveryLoss;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.layers.Functional;
import dev.tangent.nn.optim.Adam;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Tangent side of bench/train_step.sh: one DRDM training step on the engine (forward with 2
 * passes, the loss, backward, Adam lr 1e-4), the same work as train_step_torch.py. Also times the
 * transposed convolution (sub-pixel against zero insertion) and instance norm (fused against
 * composed), forward + backward, on the network's shapes.
 * Usage: TrainStepBench SIZE BATCH STEPS (threads: -Dai.djl.pytorch.num_threads).
 */
public final class TrainStepBench {
  private TrainStepBench() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    int batch = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).importModule("nn").build();
    Session s = Session.of(t.interpreter().context());
    long rss0 = peakRssKb();
    s.seed(0);
    RecResACNet net = new RecResACNet(s, 2, DataType.FLOAT32, s.device());
    Adam adam = new Adam(net.allParameters(), 1e-4, 0.9, 0.999, 1e-8, 0, false);
    NDManager m = s.manager();
    java.util.SplittableRandom r = new java.util.SplittableRandom(0);
    float[] img = new float[batch * size * size];
    for (int i = 0; i < img.length; i++) img[i] = (float) r.nextDouble();
    float[] tg = new float[batch * 2 * size * size];
    for (int i = 0; i < tg.length; i++) tg[i] = (float) (r.nextDouble() * 0.02 - 0.01);
    NDArray x = m.create(img, new Shape(batch, 1, size, size));
    NDArray target = m.create(tg, new Shape(batch, 2, size, size));
    long[] tv = new long[batch];
    for (int i = 0; i < batch; i++) tv[i] = r.nextInt(80);
    NDArray steps0 = m.create(tv);
    s.manager();
    ConvIsaProbe.applyMkldnnProperty();
    String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
    for (boolean reference : new boolean[] {true, false}) {
      double[] times = new double[steps];
      double[] cpu = new double[steps];
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = -2; i < steps; i++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          Grad.set(true);
          NDArray pred = net.forward(new Forward(s, true), x, steps0, 2);
          NDArray loss = RecoveryLoss.compute(pred, target, Padding.ZEROS, new double[] {1, 1, 10}, reference).total();
          Grad.backward(loss);
          adam.step();
          adam.zeroGrad();
          loss.getFloat();
        }
        if (i >= 0) {
          times[i] = (System.nanoTime() - t0) / 1e9;
          cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        }
      }
      System.out.printf("tangent (DJL, PyTorch 2.7.1) threads %s size %d batch %d loss %s: median %.4f s (min %.4f, max %.4f, %d steps), thread CPU median %.4f s; "
          + "peak RSS %d MiB (+%d MiB over the JVM with the engine started)%n", threads, size, batch,
          reference ? "reference (negdetj)" : "default (folding)", median(times), min(times), max(times), steps, median(cpu),
          peakRssKb() / 1024, (peakRssKb() - rss0) / 1024);
    }
    layerTimes(s, size, batch);
  }

  /** Forward + backward of the layers written for speed against nn's direct forms, at the network's shapes. */
  static void layerTimes(Session s, int size, int batch) {
    NDManager m = s.manager();
    long[][] up = {{40, size / 8}, {20, size / 4}, {10, size / 2}};
    double sub = 0;
    double zero = 0;
    for (long[] u : up) {
      long c = u[0];
      long h = u[1];
      NDArray x = m.randomUniform(-1, 1, new Shape(batch, c, h, h));
      NDArray w = m.randomUniform(-0.1f, 0.1f, new Shape(c, c, 4, 4));
      NDArray b = m.zeros(new Shape(c));
      long[] two = {2, 2};
      long[] one = {1, 1};
      sub += time(() -> UpConv.apply(x, w, b, 2), x, w);
      zero += time(() -> Functional.convTranspose(x, w, b, two, one, new long[2], one, 1), x, w);
    }
    System.out.printf("  the three transposed convolutions, forward + backward: sub-pixel %.2f ms, zero insertion %.2f ms (%.1fx)%n",
        sub * 1e3, zero * 1e3, zero / sub);
    long[][] norms = {{10, size}, {20, size / 2}, {40, size / 4}, {20, size / 8}};
    double fused = 0;
    double composed = 0;
    for (long[] n : norms) {
      NDArray x = m.randomUniform(-1, 1, new Shape(batch, n[0], n[1], n[1]));
      NDArray g = m.ones(new Shape(n[0]));
      NDArray b = m.zeros(new Shape(n[0]));
      fused += time(() -> InstanceNorm.apply(x, g, b, 1e-5), x, g);
      composed += time(() -> Functional.instanceNorm(x, g, b, 1e-5), x, g);
    }
    System.out.printf("  one instance norm per level (4), forward + backward: fused %.2f ms, composed %.2f ms (%.1fx)%n",
        fused * 1e3, composed * 1e3, composed / fused);
  }

  /** Median seconds of f() then backward of sum(f()), with x and w requiring gradients. */
  static double time(Supplier<NDArray> f, NDArray x, NDArray w) {
    x.setRequiresGradient(true);
    w.setRequiresGradient(true);
    double[] t = new double[20];
    for (int i = -3; i < t.length; i++) {
      long t0 = System.nanoTime();
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        Grad.set(true);
        Grad.backward(f.get().sum());
      }
      if (i >= 0) t[i] = (System.nanoTime() - t0) / 1e9;
    }
    return median(t);
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  static double min(double[] v) { return Arrays.stream(v).min().orElse(0); }

  static double max(double[] v) { return Arrays.stream(v).max().orElse(0); }

  static long peakRssKb() throws java.io.IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
    }
    return -1;
  }
}
