package dev.tangent.drdm.field;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeInfo;
import java.nio.file.Path;

/** What scripts see of a Deformation: the constructor, Deformation.identity/affine/load, methods and properties. */
public final class DeformationMembers {
  private DeformationMembers() {}

  static final Builtin CONSTRUCTOR = Builtin.of("Deformation(t, units='voxels', batched=nil)",
      "A field from a displacement tensor [nd, S...] (one field) or [B, nd, S...] (a batch), nd = 2 or 3, channel k along "
          + "spatial axis k. units: \"voxels\" or \"fraction\" (of the first spatial size S_0 for every component, as DRDM's code). batched: settles "
          + "(3, 2, H, W), which could be one 3-D field or three 2-D fields.",
      a -> FieldTensors.fromTensor(tensor(a, 0), units(a, 1), a.present(2) ? a.bool(2, false) : null, "Deformation()"));

  static final Builtin WARP = Builtin.of("warp(self, img, mode='linear', padding='zeros')",
      "Warps img by pull-back, out[x] = img(x + u(x)) (grid_sample with align_corners=True). img: [S...], [C, S...] or "
          + "[B, C, S...]; a batch of fields pairs with a batch of images, or warps one image once per field. mode: "
          + "\"linear\" (bi/trilinear), \"cubic\" (PyTorch's bicubic, A = -0.75; tricubic in 3-D) or \"nearest\" (label "
          + "maps: i64 labels stay exact). padding: \"zeros\" or \"border\". phi(img, ...) is the same.",
      a -> self(a).warp(tensor(a, 1), Interp.parse(a.str(2, "linear"), "warp()"), Padding.parse(a.str(3, "zeros"), "warp()"), a.ctx()));

  static Builtin[] statics() {
    return new Builtin[] {
        Builtin.of("identity(shape, batch=nil)", "The zero displacement on a grid of this shape ([H, W] or [D, H, W]); batch: a batch of that many.",
            a -> {
              Grid g = Grid.of(Shapes.ints(a.get(0), "identity()", "shape"), "identity()");
              Integer batch = a.present(1) ? a.integer(1) : null;
              if (batch != null && batch < 1) throw TangentError.runtime("identity(): batch must be at least 1, got " + batch);
              return Deformation.identity(g, batch);
            }),
        Builtin.of("affine(A, b=nil, shape=nil, center=nil, units='voxels')",
            "The field of the affine map T(x) = A (x - center) + center + b on a grid of this shape: u(x) = T(x) - x. "
                + "A: nd x nd, or nd x (nd+1) / (nd+1) x (nd+1) with b in the last column. center: defaults to the "
                + "grid's centre ((S_k - 1) / 2); [0, 0] gives u(x) = (A - I) x + b. units: of b.",
            a -> Affine.field(a)),
        Builtin.of("load(path, units='voxels', batched=nil)", "Reads a field saved with phi.save(path) (.npz, .nii or .nii.gz); see drdm.load_field.",
            a -> load(a))};
  }

  /** load(path, units, batched), for Deformation.load and drdm.load_field. */
  public static Object load(Args a) {
    Path p = a.ctx().permissions.checkRead(Path.of(a.str(0)));
    return FieldFiles.load(p, units(a, 1), a.present(2) ? a.bool(2, false) : null, a.fn().name() + "()");
  }

  /** The methods and properties of Deformation values. */
  public static void define(TypeInfo t) {
    t.property(Builtin.of("shape(self)", "The spatial shape, e.g. (64, 64).", a -> {
      int[] s = self(a).grid().sizes();
      Object[] o = new Object[s.length];
      for (int i = 0; i < s.length; i++) o[i] = (double) s[i];
      return new Tuple(o);
    }));
    t.property(Builtin.of("ndim(self)", "2 or 3: the spatial dimensions.", a -> (double) self(a).nd()));
    t.property(Builtin.of("batched(self)", "Whether this is a batch of fields (phi[i] is field i).", a -> self(a).batched()));
    t.property(Builtin.of("batch(self)", "The number of fields of a batch, nil for one field.",
        a -> self(a).batched() ? (Object) (double) self(a).count() : Nil.NIL));
    t.method(WARP);
    t.method(Builtin.of("tensor(self, units='voxels')",
        "The displacement as an f32 tensor [nd, S...] ([B, nd, S...] for a batch) in voxels or as fractions (of S_0, the first spatial size).",
        a -> self(a).tensor(units(a, 1))));
    t.method(Builtin.of("compose(self, psi, padding='border')",
        "self * psi: psi first, then self (compose(psi)(img) == self(psi(img))); its field is self + psi(x + self(x)). "
            + "padding: how psi is read outside its grid (DRDM composes with \"border\").",
        a -> self(a).compose(a.as(1, Deformation.class, "a Deformation"), Padding.parse(a.str(2, "border"), "compose()"), a.ctx())));
    t.method(Builtin.of("inv(self, iters=50, tol=1e-5, method='newton')",
        "The inverse field v with v + u(x + v(x)) = 0 (u read with border padding), so that phi.inv()(phi(img)) ~ img and "
            + "phi.inv() * phi ~ identity. method: \"newton\" (steps (I + grad u)^-1 r per voxel; robust where the field "
            + "swirls) or \"fixed_point\" (the spec's v <- -u(x + v(x)), which converges only where grad u is a "
            + "contraction). Stops after iters iterations or once nothing moves by more than tol voxels.",
        a -> {
          int iters = a.integer(1, 50);
          if (iters < 1) throw TangentError.runtime("inv(): iters must be at least 1, got " + iters);
          double tol = a.num(2, 1e-5);
          if (!(tol >= 0)) throw TangentError.runtime("inv(): tol must be at least 0, got " + tol);
          Deformation.InverseMethod m;
          switch (a.str(3, "newton")) {
            case "newton": m = Deformation.InverseMethod.NEWTON; break;
            case "fixed_point": m = Deformation.InverseMethod.FIXED_POINT; break;
            default: throw TangentError.runtime("inv(): method must be \"newton\" or \"fixed_point\", got \"" + a.str(3) + "\"");
          }
          return self(a).inverse(iters, tol, m, a.ctx());
        }));
    t.method(Builtin.of("jacdet(self)",
        "det(I + grad u) at every voxel (f64, shaped like the grid; [B, S...] for a batch), with np.gradient's differences "
            + "(central inside, one-sided at the borders) in voxel units. <= 0 where the map folds.",
        a -> self(a).jacdet(a.ctx())));
    t.method(Builtin.of("fold_rate(self)",
        "The fraction of voxels (of all fields of a batch) where det(I + grad u) <= 0. (DRDM's eval_detJ_lab counts < 0.)",
        a -> self(a).foldRate(a.ctx())));
    t.method(Builtin.of("magnitude(self)",
        "Statistics of |u| over all voxels: {mean, max, p50, p90, p99} in voxels and the same with _pct in percent of the "
            + "size (|(u_k / S_k)| x 100).",
        a -> Magnitude.of(self(a), a.ctx())));
    t.method(Builtin.of("scale(self, s)", "The displacement times s (not a power of the map).", a -> self(a).scale(a.num(1))));
    t.method(Builtin.of("save(self, path)",
        "Writes the field atomically: .npz (array 'displacement', f32, voxels, shaped like tensor()) or NIfTI .nii/.nii.gz "
            + "(5-D [X, Y, Z, T, nd], intent DISPVECT, voxels; T = the batch). Returns the path.",
        a -> {
          Path p = a.ctx().permissions.checkWrite(Path.of(a.str(1)));
          FieldFiles.save(self(a), p);
          return p.toString();
        }));
  }

  static Deformation self(Args a) {
    return (Deformation) a.get(0);
  }

  static Tensor tensor(Args a, int i) {
    return a.as(i, Tensor.class, "a Tensor");
  }

  static Units units(Args a, int i) {
    return Units.parse(a.str(i, "voxels"), a.fn().name() + "()");
  }
}
