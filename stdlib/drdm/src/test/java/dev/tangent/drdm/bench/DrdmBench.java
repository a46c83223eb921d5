package dev.tangent.drdm.bench;

import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Planes;
import dev.tangent.drdm.field.kernel.Resize;
import dev.tangent.drdm.field.kernel.Warp;
import dev.tangent.drdm.sampler.ForwardSampler;
import dev.tangent.drdm.sampler.GaussianNoise;
import dev.tangent.core.tensor.HeapStorage;
import dev.tangent.core.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The Java side of bench/drdm/drdm_vs_torch.sh (not a test): the same workloads as
 * bench/drdm/drdm_bench.py, one line each: name, median wall seconds, median process CPU seconds, runs.
 *
 * <pre>java -cp CLASSPATH dev.tangent.drdm.bench.DrdmBench [runs] [all|sampler|warp|mem]</pre>
 * ("mem" alone: the peak memory of one 256^3 warp, in a fresh JVM.)
 */
public final class DrdmBench {
  private DrdmBench() {}

  static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static void timed(String name, int runs, Runnable r) {
    r.run();
    double[] wall = new double[runs], cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = OS.getProcessCpuTime(), t0 = System.nanoTime();
      r.run();
      wall[i] = (System.nanoTime() - t0) / 1e9;
      cpu[i] = (OS.getProcessCpuTime() - c0) / 1e9;
    }
    System.out.printf("%s %.4f %.4f %d%n", name, median(wall), median(cpu), runs);
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Resident set size and its peak (kB) from /proc/self/status. */
  static long[] rss() throws Exception {
    long cur = 0, peak = 0;
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) cur = Long.parseLong(l.replaceAll("\\D", ""));
      if (l.startsWith("VmHWM:")) peak = Long.parseLong(l.replaceAll("\\D", ""));
    }
    return new long[] {cur, peak};
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String what = args.length > 1 ? args[1] : "all";
    System.out.println("# java " + System.getProperty("java.version") + ", cores " + Runtime.getRuntime().availableProcessors());
    if (what.equals("all") || what.equals("sampler")) {
      for (int nd : new int[] {2, 3}) {
        Grid g = nd == 2 ? Grid.of(new int[] {128, 128}, "bench") : Grid.of(new int[] {64, 64, 64}, "bench");
        String tag = nd == 2 ? "2d128" : "3d64";
        long[] seed = {0};
        timed("sampler_fields_" + tag + "_t79", nd == 2 ? runs : Math.max(3, runs / 2),
            () -> ForwardSampler.sample(g, new int[] {79}, new GaussianNoise(seed[0]++), ForwardSampler.Settings.defaults(), null));
        float[] img = new float[g.voxels];
        Tensor image = Tensor.of(shape(g), HeapStorage.of(img));
        timed("sampler_forward_" + tag + "_t79", nd == 2 ? runs : Math.max(3, runs / 2), () -> {
          ForwardSampler.Result r = ForwardSampler.sample(g, new int[] {79}, new GaussianNoise(seed[0]++), ForwardSampler.Settings.defaults(), null);
          Deformation.wrap(g, 1, true, r.ddf()).warp(image, Interp.LINEAR, Padding.ZEROS, null);
        });
      }
    }
    if (what.equals("all") || what.equals("warp")) {
      Grid g = Grid.of(new int[] {256, 256, 256}, "bench");
      float[] u = smoothField(g);
      float[] img = image(g);
      float[] out = new float[g.voxels];
      timed("warp256_grid_sample", runs, () -> Warp.apply(g, u, 0, new Planes(img, 0, 1), new Planes(out, 0, 1), Interp.LINEAR, Padding.ZEROS, null));
      // through the value API: a new output tensor per call, as scripts get it
      Deformation phi = Deformation.wrap(g, 1, false, u);
      Tensor image = Tensor.of(g.sizes(), HeapStorage.of(img));
      timed("warp256_stn_with_grid", runs, () -> phi.warp(image, Interp.LINEAR, Padding.ZEROS, null));
    }
    if (what.equals("mem")) {
      // peak resident memory of one warp through the value API, from before its inputs exist
      long base = rss()[0];
      Grid g = Grid.of(new int[] {256, 256, 256}, "bench");
      Deformation phi = Deformation.wrap(g, 1, false, smoothField(g));
      Tensor out = phi.warp(Tensor.of(g.sizes(), HeapStorage.of(image(g))), Interp.LINEAR, Padding.ZEROS, null);
      System.out.printf("warp256_peak_rss_growth_mb %d 0 1%n", (rss()[1] - base) / 1024);
      if (out.size() != g.voxels) throw new AssertionError();
    }
  }

  /** A smooth displacement of a few voxels: N(0, 3^2) on 8^3 nodes, trilinearly upsampled. */
  static float[] smoothField(Grid g) {
    Random rnd = new Random(1);
    float[] coarse = new float[3 * 512];
    for (int i = 0; i < coarse.length; i++) coarse[i] = (float) (3 * rnd.nextGaussian());
    float[] u = new float[3 * g.voxels];
    Resize.linear(coarse, 0, new int[] {8, 8, 8}, 3, g.sizes(), new int[3], g, u, 0, null);
    return u;
  }

  static float[] image(Grid g) {
    Random rnd = new Random(2);
    float[] img = new float[g.voxels];
    for (int i = 0; i < img.length; i++) img[i] = rnd.nextFloat();
    return img;
  }

  static int[] shape(Grid g) {
    int[] s = new int[g.nd + 2];
    s[0] = 1;
    s[1] = 1;
    for (int k = 0; k < g.nd; k++) s[k + 2] = g.size(k);
    return s;
  }
}
