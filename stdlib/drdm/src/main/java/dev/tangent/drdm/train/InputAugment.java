package dev.tangent.drdm.train;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.field.Affine;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.spi.Context;
import java.util.SplittableRandom;

/**
 * The reference's input augmentations of a training image x0 in [0, 1] (DRDM_train.py, spec
 * §3.4), drawn from the step's own random stream:
 *
 * <ul>
 *   <li>2-D: with p 0.8 a random affine map (rotation U(-180°, 180°) about the centre, translation
 *       U(-0.125, 0.125) of each side, fill 0, bilinear: torchvision's RandomAffine), with p 0.5 a
 *       vertical flip (rows reversed), with p 0.5 autocontrast (min..max stretched to 0..1);</li>
 *   <li>3-D: with p 0.6 a rotation about the centre (axis uniform in [-1, 1]³, angle U(-π, π)),
 *       then with p 0.8 a random cubic crop of a random volume fraction U(0.6, 1) resized back
 *       (trilinear): the reference's RandomResizedCrop3D;</li>
 *   <li>both: intensity noise, thr ~ U(0, 0.2), up = 1 - U(0, 0.2) - thr, x = clamp(x - thr, 0, up),
 *       then x = x·N(1, 0.1) + N(0, 0.1) with one scalar of each per image.</li>
 * </ul>
 *
 * Geometric maps are pull-back affine fields warped with this module's kernels (zeros padding).
 */
public final class InputAugment {
  private InputAugment() {}

  public static final double NOISE_SCALE = 0.1;

  /** Augments img (over g) in place. */
  public static void apply(float[] img, Grid g, SplittableRandom r, Context ctx) {
    if (g.nd == 2) {
      if (r.nextDouble() < 0.8) warp(img, g, rotation2d(g, r), ctx);
      if (r.nextDouble() < 0.5) flipRows(img, g);
      if (r.nextDouble() < 0.5) autocontrast(img);
    } else {
      if (r.nextDouble() < 0.6) warp(img, g, rotation3d(g, r), ctx);
      if (r.nextDouble() < 0.8) warp(img, g, resizedCrop(g, r), ctx);
    }
    intensity(img, r);
  }

  /** Rotation by U(-180°, 180°) about the centre plus a translation of U(-0.125, 0.125) of each side. */
  static Deformation rotation2d(Grid g, SplittableRandom r) {
    double a = Math.toRadians(-180 + 360 * r.nextDouble());
    double[][] m = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
    double[] b = new double[2];
    for (int k = 0; k < 2; k++) b[k] = (-0.125 + 0.25 * r.nextDouble()) * g.size(k);
    return Affine.map(g, m, b, centre(g));
  }

  /** A rotation by U(-π, π) about a random axis (uniform in [-1, 1]³), about the centre (Rodrigues' formula). */
  static Deformation rotation3d(Grid g, SplittableRandom r) {
    double[] axis = new double[3];
    double len = 0;
    do {
      for (int k = 0; k < 3; k++) axis[k] = -1 + 2 * r.nextDouble();
      len = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
    } while (len < 1e-9);
    for (int k = 0; k < 3; k++) axis[k] /= len;
    double th = -Math.PI + 2 * Math.PI * r.nextDouble();
    double c = Math.cos(th), s = Math.sin(th), t = 1 - c;
    double x = axis[0], y = axis[1], z = axis[2];
    double[][] m = {
        {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
        {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
        {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    return Affine.map(g, m, new double[3], centre(g));
  }

  /** A cube of U(0.6, 1) of the volume at a uniform position, stretched back over the grid. */
  static Deformation resizedCrop(Grid g, SplittableRandom r) {
    double f = Math.cbrt(0.6 + 0.4 * r.nextDouble());
    double[][] m = new double[3][3];
    double[] b = new double[3];
    for (int k = 0; k < 3; k++) {
      m[k][k] = f;
      double span = (g.size(k) - 1) * (1 - f);
      b[k] = span * r.nextDouble();
    }
    return Affine.map(g, m, b, new double[3]);
  }

  static void intensity(float[] img, SplittableRandom r) {
    double thr = 0.2 * r.nextDouble();
    double up = 1 - 0.2 * r.nextDouble() - thr;
    double gain = 1 + NOISE_SCALE * r.nextGaussian();
    double shift = NOISE_SCALE * r.nextGaussian();
    for (int i = 0; i < img.length; i++) {
      double v = Math.min(Math.max(img[i] - thr, 0), up);
      img[i] = (float) (v * gain + shift);
    }
  }

  static void flipRows(float[] img, Grid g) {
    int rows = g.size(0), row = g.voxels / rows;
    float[] tmp = new float[row];
    for (int i = 0, j = rows - 1; i < j; i++, j--) {
      System.arraycopy(img, i * row, tmp, 0, row);
      System.arraycopy(img, j * row, img, i * row, row);
      System.arraycopy(tmp, 0, img, j * row, row);
    }
  }

  /** torchvision's autocontrast for float images: (x - min) / (max - min), clamped to [0, 1]; a flat image is kept. */
  static void autocontrast(float[] img) {
    float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
    for (float v : img) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(hi > lo)) return;
    float s = 1f / (hi - lo);
    for (int i = 0; i < img.length; i++) img[i] = Math.min(1f, Math.max(0f, (img[i] - lo) * s));
  }

  private static void warp(float[] img, Grid g, Deformation phi, Context ctx) {
    Tensor out = phi.warp(Tensor.ofFloats(g.sizes(), img), Interp.LINEAR, Padding.ZEROS, ctx);
    System.arraycopy(out.toFloatArray(), 0, img, 0, img.length);
  }

  private static double[] centre(Grid g) {
    double[] c = new double[g.nd];
    for (int k = 0; k < g.nd; k++) c[k] = (g.size(k) - 1) / 2.0;
    return c;
  }
}
