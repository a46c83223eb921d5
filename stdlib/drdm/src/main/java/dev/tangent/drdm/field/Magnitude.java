package dev.tangent.drdm.field;

import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.spi.Context;
import dev.tangent.spi.TMap;
import java.util.Arrays;

/**
 * Statistics of |u| over every voxel (of every sample): mean, max and the percentiles 50, 90, 99
 * (numpy's linear interpolation), in voxels and in percent of the size. The percent form is the
 * length of the vector (u_k / S_k) x 100, which is |u| / S for square grids (DRDM's "% of image size").
 */
final class Magnitude {
  private Magnitude() {}

  static final double[] PERCENTILES = {50, 90, 99};

  static TMap of(Deformation phi, Context ctx) {
    Grid g = phi.grid();
    int v = g.voxels, nd = g.nd;
    long n = (long) phi.count() * v;
    float[] vox = Memory.floats(n, "magnitude()"), pct = Memory.floats(n, "magnitude()");
    float[] u = phi.voxels();
    double sumVox = 0, sumPct = 0, maxVox = 0, maxPct = 0;
    for (int b = 0; b < phi.count(); b++) {
      int o = phi.offset(b);
      for (int i = 0; i < v; i++) {
        double sv = 0, sp = 0;
        for (int k = 0; k < nd; k++) {
          double x = u[o + k * v + i];
          sv += x * x;
          double f = x / g.size(k);
          sp += f * f;
        }
        double mv = Math.sqrt(sv), mp = 100 * Math.sqrt(sp);
        vox[b * v + i] = (float) mv;
        pct[b * v + i] = (float) mp;
        sumVox += mv;
        sumPct += mp;
        maxVox = Math.max(maxVox, mv);
        maxPct = Math.max(maxPct, mp);
      }
      if (ctx != null) ctx.checkInterrupt();
    }
    Arrays.parallelSort(vox);
    Arrays.parallelSort(pct);
    TMap m = new TMap();
    m.put("mean", sumVox / n);
    m.put("max", maxVox);
    for (double q : PERCENTILES) m.put("p" + (int) q, percentile(vox, q));
    m.put("mean_pct", sumPct / n);
    m.put("max_pct", maxPct);
    for (double q : PERCENTILES) m.put("p" + (int) q + "_pct", percentile(pct, q));
    return m;
  }

  /** numpy.percentile's default (linear) on sorted values. */
  static double percentile(float[] sorted, double q) {
    double rank = q / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank), hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - (double) sorted[lo]) * (rank - lo);
  }
}
