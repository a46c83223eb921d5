package dev.tangent.drdm.sampler;

import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.BorderPlan;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Planes;
import dev.tangent.drdm.field.kernel.Resize;
import dev.tangent.drdm.field.kernel.Slabs;
import dev.tangent.drdm.field.kernel.Warp;
import dev.tangent.spi.Context;
import java.util.stream.IntStream;

/**
 * DRDM's forward deformation diffusion (DeformDDPM._random_ddf_generate, spec section 2.2): one
 * multi-scale random velocity v per sample on the 64-node control grid, v0 = v + 8 % noise
 * resampled at x + v(x), then psi_{t:1} = n_ddf(t)-fold self-composition of v0 and the target
 * psi_t = n_dvf(t)-fold self-composition of v (each step ddf <- v0 + ddf(x + v0(x)), border
 * padding); finally both are upsampled to twice the image, scaled, and the central image-sized
 * block is kept.
 *
 * <p>This port differs by default in two places: DRDM multiplies the fraction-unit field by S/64,
 * which equals the geometric factor crop_rate = 2 only at S = 128 and doubles the deformation at
 * S = 256; and its velocity std 4e-5 falls just short of the paper's 10 % mean displacement, so
 * the default is 4.4e-5. {@link Settings#authors()} restores both.
 */
public final class ForwardSampler {
  private ForwardSampler() {}

  /** DRDM's velocity std (config v_scale), in fractions of the control grid: what reference mode uses. */
  public static final float REFERENCE_SIGMA = 4.0e-5f;
  /**
   * This port's default velocity std, 10 % above DRDM's: with the size-independent scale, the
   * authors' 4e-5 gives a mean |psi_{79:1}| of 9.6-9.8 % of the size (50-200 fields), under the
   * paper's "over 10 %"; 4.2e-5 gives 10.0-10.2 %, 4.4e-5 gives 10.4-10.6 % with 0.04-0.19 % of
   * voxels folding (docs/drdm.md, "Choices").
   */
  public static final float SIGMA = 4.4e-5f;
  /** DRDM's noise_ratio: the amplitude of the noise added to v for psi_{t:1}. */
  public static final float NOISE_RATIO = 0.08f;

  /**
   * sigma: the velocity std in fractions of the control grid; reference: scale by S/64 as DRDM's
   * code (square or cubic images only) instead of crop_rate = 2.
   */
  public record Settings(float sigma, float noiseRatio, boolean reference) {
    /** This port's default: sigma 4.4e-5, the crop-rate scale. */
    public static Settings defaults() {
      return new Settings(SIGMA, NOISE_RATIO, false);
    }

    /** The authors' code: sigma 4e-5 and the S/64 scale. */
    public static Settings authors() {
      return new Settings(REFERENCE_SIGMA, NOISE_RATIO, true);
    }
  }

  /** psi_{t:1} (applied to the image) and psi_t (the training target), in image voxels, [B][nd][voxels] each. */
  public record Result(Grid grid, int count, float[] ddf, float[] dvf) {}

  /**
   * Samples the fields of {@code ts.length} samples on the image grid {@code image}. Samples run
   * in parallel; each draws its noise from {@code noise} as sample b.
   */
  public static Result sample(Grid image, int[] ts, NoiseSource noise, Settings s, Context ctx) {
    int nd = image.nd, n = ts.length;
    if (s.reference()) {
      for (int k = 1; k < nd; k++) {
        if (image.size(k) != image.size(0)) {
          throw TangentError.runtime("forward(): reference: true reproduces DRDM's code, which takes square (cubic) images; got " + image);
        }
      }
    }
    long per = (long) nd * image.voxels;
    float[] ddf = Memory.floats(n * per, "forward()"), dvf = Memory.floats(n * per, "forward()");
    IntStream range = IntStream.range(0, n);
    (n > 1 ? range.parallel() : range).forEach(b -> {
      if (Slabs.stopping(ctx)) return;
      one(image, ts[b], b, noise, s, ddf, dvf, (int) (b * per), ctx);
    });
    if (ctx != null) ctx.checkInterrupt();
    return new Result(image, n, ddf, dvf);
  }

  private static void one(Grid image, int t, int b, NoiseSource noise, Settings s, float[] ddfOut, float[] dvfOut, int at, Context ctx) {
    int nd = image.nd;
    Grid cg = ControlGrid.grid(nd);
    float[] v = ControlGrid.velocity(noise, b, 0, nd, s.sigma());
    float[] eps = ControlGrid.velocity(noise, b, ControlGrid.SCALES.length, nd, s.sigma() * s.noiseRatio());
    float[] v0 = new float[v.length];
    Warp.apply(cg, v, 0, new Planes(eps, 0, nd), new Planes(v0, 0, nd), Interp.LINEAR, Padding.BORDER, ctx);
    for (int i = 0; i < v0.length; i++) v0[i] += v[i];
    float[] ddf = selfCompose(cg, v0, Schedule.nDdf(t), ctx);
    float[] dvf = selfCompose(cg, v, Schedule.nDvf(t), ctx);
    if (Slabs.stopping(ctx)) return;
    toImage(cg, ddf, image, s.reference(), ddfOut, at, ctx);
    toImage(cg, dvf, image, s.reference(), dvfOut, at, ctx);
  }

  /** n steps of ddf <- v + ddf(x + v(x)) from ddf = 0 (border padding, linear), with one plan for all steps. */
  static float[] selfCompose(Grid g, float[] v, int n, Context ctx) {
    if (n == 0) return new float[v.length];
    BorderPlan plan = BorderPlan.of(g, v, 0);
    float[] vi = BorderPlan.interleave(v, 0, g.nd, g.voxels);
    float[] ddf = vi.clone(), next = new float[v.length];
    for (int j = 1; j < n; j++) {
      if (Slabs.stopping(ctx)) break;
      plan.apply(ddf, vi, next, ctx);
      float[] tmp = ddf;
      ddf = next;
      next = tmp;
    }
    return BorderPlan.planar(ddf, g.nd, g.voxels);
  }

  /**
   * A control-grid field (control voxels) to image voxels: in fractions of the control grid, times
   * the scale (S/64 as DRDM's code, or crop_rate), upsampled (align_corners=False) to twice the
   * image and cropped to its central block, then times S_k per component.
   */
  static void toImage(Grid cg, float[] g, Grid image, boolean reference, float[] out, int at, Context ctx) {
    int nd = image.nd;
    float[] frac = new float[g.length];
    float size = image.size(0);
    for (int i = 0; i < g.length; i++) {
      float f = g[i] / ControlGrid.SIZE;
      frac[i] = reference ? f * size / ControlGrid.SIZE : f * ControlGrid.CROP_RATE;
    }
    int[] virtual = new int[nd], start = new int[nd];
    for (int k = 0; k < nd; k++) {
      virtual[k] = ControlGrid.CROP_RATE * image.size(k);
      start[k] = image.size(k) / 2;
    }
    Resize.linear(frac, 0, cg.sizes(), nd, virtual, start, image, out, at, ctx);
    for (int k = 0; k < nd; k++) {
      float sk = image.size(k);
      for (int i = at + k * image.voxels, e = i + image.voxels; i < e; i++) out[i] *= sk;
    }
  }
}
