package dev.tangent.drdm.field;

import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.spi.Args;

/** Deformation.affine: the displacement u(x) = A (x - c) + c + b - x of an affine map, exact in double before rounding to f32. */
public final class Affine {
  private Affine() {}

  static Deformation field(Args a) {
    String fn = "affine()";
    double[][] m = Shapes.matrix(a.get(0), fn, "A");
    if (!a.present(2)) throw TangentError.runtime(fn + ": give the grid's shape, e.g. shape: [64, 64]");
    Grid g = Grid.of(Shapes.ints(a.get(2), fn, "shape"), fn);
    int nd = g.nd;
    int rows = m.length, cols = rows == 0 ? 0 : m[0].length;
    double[] b = new double[nd];
    boolean homogeneous = cols == nd + 1 && (rows == nd || rows == nd + 1);
    if (!(rows == nd && cols == nd) && !homogeneous) {
      throw TangentError.runtime(fn + ": A must be " + nd + "x" + nd + " (or " + nd + "x" + (nd + 1) + " with b in the last column) "
          + "for a " + nd + "-D grid " + g + ", got " + rows + "x" + cols);
    }
    if (homogeneous) {
      if (a.present(1)) throw TangentError.runtime(fn + ": b is given twice (A has a translation column)");
      for (int i = 0; i < nd; i++) b[i] = m[i][nd];
    } else if (a.present(1)) {
      b = Shapes.numbers(a.get(1), fn, "b");
      if (b.length != nd) throw TangentError.runtime(fn + ": b must have " + nd + " components, got " + b.length);
    }
    double[] c = new double[nd];
    if (a.present(3)) {
      c = Shapes.numbers(a.get(3), fn, "center");
      if (c.length != nd) throw TangentError.runtime(fn + ": center must have " + nd + " components, got " + c.length);
    } else {
      for (int k = 0; k < nd; k++) c[k] = (g.size(k) - 1) / 2.0;
    }
    if (Units.parse(a.str(4, "voxels"), fn) == Units.FRACTION) for (int k = 0; k < nd; k++) b[k] *= Units.unit(g);
    for (double[] r : m) for (int k = 0; k < nd; k++) if (!Double.isFinite(r[k])) throw TangentError.runtime(fn + ": A has NaN or infinite entries");
    for (int k = 0; k < nd; k++) {
      if (!Double.isFinite(b[k]) || !Double.isFinite(c[k])) throw TangentError.runtime(fn + ": b and center must be finite");
    }
    return Deformation.wrap(g, 1, false, of(g, m, b, c));
  }

  /** The field of T(x) = A (x - c) + c + b on g (in voxels): the augmentations' rotations, flips and crops. */
  public static Deformation map(Grid g, double[][] m, double[] b, double[] c) {
    return Deformation.wrap(g, 1, false, of(g, m, b, c));
  }

  /** u(x) = (A - I)(x - c) + b, in voxels. */
  static float[] of(Grid g, double[][] m, double[] b, double[] c) {
    int nd = g.nd, v = g.voxels;
    float[] u = Memory.floats((long) nd * v, "affine()");
    int[] size = g.sizes();
    int[] x = new int[nd];
    for (int o = 0; o < v; o++) {
      for (int r = 0; r < nd; r++) {
        double s = b[r];
        for (int k = 0; k < nd; k++) s += ((r == k ? m[r][k] - 1 : m[r][k])) * (x[k] - c[k]);
        u[r * v + o] = (float) s;
      }
      for (int k = nd - 1; k >= 0; k--) {
        if (++x[k] < size[k]) break;
        x[k] = 0;
      }
    }
    return u;
  }
}
