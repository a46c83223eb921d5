package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.io.nifti.NiftiHeader;
import dev.tangent.io.nifti.NiftiVolume;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** load_nifti / save_nifti and the NiftiImage type. */
final class NiftiBuiltins {
  private NiftiBuiltins() {}

  static final TypeValue TYPE = new TypeValue("NiftiImage", v -> v instanceof NiftiImage,
      "A NIfTI-1 volume: .data (voxels), .affine (voxel to world), .zooms (voxel sizes), .header.");

  static Builtin[] define(ModuleBuilder m) {
    m.type(NiftiImage.class, TYPE)
        .property(Builtin.of("data(self)", "The voxels, index [i, j, k(, t)]; scaled by scl_slope/scl_inter when the header says so (then f64).", a -> self(a).data()))
        .property(Builtin.of("affine(self)", "The 4x4 voxel-to-world matrix: the sform if set, else the qform, else a centred diagonal (as nibabel).", a -> self(a).affine()))
        .property(Builtin.of("zooms(self)", "Voxel sizes (and time step) per axis: pixdim[1..ndim].", a -> self(a).zooms()))
        .property(Builtin.of("shape(self)", "The dimensions, as a list.", a -> {
          dev.tangent.spi.TList l = new dev.tangent.spi.TList();
          for (int s : self(a).header().shape()) l.items.add((double) s);
          return l;
        }))
        .property(Builtin.of("dtype(self)", "The element type stored in the file (u8, i16, i32, f32, f64...).", a -> self(a).storedType()))
        .property(Builtin.of("header(self)", "Every header field, by its nifti1.h name.", a -> self(a).headerMap()))
        .property(Builtin.of("extensions(self)", "The header extensions: a list of {code, content}.", a -> self(a).extensionList()))
        .property(Builtin.of("qform(self)", "The qform matrix (from the quaternion), or nil when qform_code is 0.",
            a -> self(a).header().qformCode > 0 ? Tensor.matrix(self(a).header().qform()) : Nil.NIL))
        .property(Builtin.of("sform(self)", "The sform matrix (srow_x/y/z), or nil when sform_code is 0.",
            a -> self(a).header().sformCode > 0 ? Tensor.matrix(self(a).header().sform()) : Nil.NIL))
        .property(Builtin.of("units(self)", "The spatial and time units from xyzt_units, e.g. {space: \"mm\", time: \"s\"}.", a -> {
          TMap u = new TMap();
          u.put("space", self(a).header().spatialUnit());
          u.put("time", self(a).header().timeUnit());
          return u;
        }))
        .method(Builtin.of("with_data(self, data)", "A new image with these voxels and this image's header (affine, zooms, units...).",
            a -> {
              NiftiImage img = self(a);
              Tensor t = ArrayBuiltins.tensor(a, 1);
              return new NiftiImage(fromTensor(t, img, null, null, null), true);
            }));
    Builtin[] fns = {
        Builtin.of("load_nifti(path, scaled=true)",
            "A NIfTI-1 volume (.nii, .nii.gz, or a .hdr/.img pair), either byte order. Voxels are scaled by "
                + "scl_slope/scl_inter unless scaled: false.",
            a -> {
              Path p = ArrayBuiltins.readable(a, 0);
              try {
                return new NiftiImage(Nifti1.read(p), a.bool(1, true));
              } catch (IOException e) {
                throw ArrayBuiltins.failure("load_nifti", p, e);
              }
            }),
        Builtin.of("save_nifti(path, image, affine=nil, zooms=nil, dtype=nil, like=nil, scl_slope=nil, scl_inter=nil, byte_order='little')",
            "Writes a NIfTI-1 file (.nii, or gzipped when the name ends in .gz). image: a NiftiImage (its header is kept) "
                + "or a tensor; like: an image whose header (affine, zooms, units) to reuse; affine: a 4x4 matrix "
                + "(stored as sform and, when rigid, qform, code 2 'aligned'); dtype: u8, i16, i32, f32, f64, i8, u16, u32, i64; "
                + "scl_slope/scl_inter: store (value - inter) / slope in an integer dtype.",
            a -> {
              Path p = ArrayBuiltins.writable(a, 0);
              NiftiVolume v = volume(a);
              try {
                Nifti1.write(p, v);
              } catch (IOException e) {
                throw ArrayBuiltins.failure("save_nifti", p, e);
              }
              return Nil.NIL;
            })};
    m.functions(fns);
    return fns;
  }

  private static NiftiImage self(Args a) {
    return (NiftiImage) a.get(0);
  }

  private static NiftiVolume volume(Args a) {
    Object img = a.get(1);
    NiftiImage like = a.present(5) ? a.as(5, NiftiImage.class, "a NiftiImage") : null;
    ByteOrder order = byteOrder(a.str(8, "little"));
    Double slope = a.present(6) ? a.num(6) : null;
    Double inter = a.present(7) ? a.num(7) : null;
    NiftiVolume v;
    if (img instanceof NiftiImage ni && !a.present(4) && slope == null && inter == null) {
      v = ni.volume;
    } else if (img instanceof NiftiImage ni) {
      v = fromTensor(ni.data(), ni, a.str(4, null), slope, inter);
    } else if (img instanceof Tensor t) {
      v = fromTensor(t, like, a.str(4, null), slope, inter);
    } else {
      throw a.typeError(1, "a NiftiImage or a Tensor");
    }
    NiftiHeader h = v.header().copy();
    h.order = order;
    if (a.present(2)) h.setAffine(matrix4(ArrayBuiltins.tensor(a, 2)), like != null && like.header().sformCode > 0 ? like.header().sformCode : 2);
    if (a.present(3)) {
      double[] z = numbers(a.get(3), "zooms");
      int nd = v.data().shape.length;
      if (z.length > nd) throw TangentError.runtime("save_nifti(): " + z.length + " zooms for a " + nd + "-dimensional image");
      for (int i = 0; i < z.length; i++) {
        if (!(z[i] > 0)) throw TangentError.runtime("save_nifti(): zooms must be positive, got " + z[i]);
        h.pixdim[i + 1] = (float) z[i];
      }
    }
    return new NiftiVolume(h, v.data(), v.extensions());
  }

  /** The volume to store for a tensor, reusing {@code like}'s header when given. */
  static NiftiVolume fromTensor(Tensor t, NiftiImage like, String dtype, Double slope, Double inter) {
    NiftiHeader h = like != null ? like.header().copy() : new NiftiHeader();
    List<NiftiVolume.Extension> exts = like != null ? like.volume.extensions() : List.of();
    double[] values = t.toDoubleArray();
    boolean scaling = slope != null || inter != null;
    double s = slope != null ? slope : 1, c = inter != null ? inter : 0;
    if (scaling) {
      if (s == 0) throw TangentError.runtime("save_nifti(): scl_slope must not be 0");
      for (int i = 0; i < values.length; i++) values[i] = Math.rint((values[i] - c) / s);
    }
    DType target = dtype != null ? named(dtype) : chooseType(t, values, like, scaling);
    if (!target.isFloat()) ArrayConvert.checkFits(values, target);
    h.sclSlope = (float) s;
    h.sclInter = (float) c;
    h.dim[0] = (short) t.shape().length;
    return new NiftiVolume(h, NdArray.ofValues(target, t.shape(), values), exts);
  }

  private static DType chooseType(Tensor t, double[] values, NiftiImage like, boolean scaling) {
    if (like != null) {
      DType stored = like.volume.data().dtype;
      boolean keepsScale = !like.header().scaled() || scaling;
      if (stored.isFloat() || (keepsScale && ArrayConvert.fits(values, stored))) return stored;
    }
    if (scaling) return ArrayConvert.fits(values, DType.I16) ? DType.I16 : DType.I32;
    switch (t.dtype()) {
      case "f32": return DType.F32;
      case "bool": return DType.U8;
      case "i64": return ArrayConvert.fits(values, DType.I32) ? DType.I32 : DType.I64;
      default: return DType.F64;
    }
  }

  private static DType named(String name) {
    DType d = DType.fromSafetensors(name.toUpperCase());
    if (d == null || d == DType.BOOL || d == DType.F16 || d == DType.BF16) {
      throw TangentError.runtime("save_nifti(): unsupported dtype '" + name + "' (use u8, i16, i32, f32, f64, i8, u16, u32 or i64)");
    }
    return d;
  }

  private static ByteOrder byteOrder(String s) {
    switch (s) {
      case "little": return ByteOrder.LITTLE_ENDIAN;
      case "big": return ByteOrder.BIG_ENDIAN;
      default: throw TangentError.runtime("save_nifti(): byte_order must be \"little\" or \"big\", got \"" + s + "\"");
    }
  }

  private static double[][] matrix4(Tensor t) {
    int[] s = t.shape();
    if (s.length != 2 || (s[0] != 4 && s[0] != 3) || s[1] != 4) {
      throw TangentError.runtime("save_nifti(): affine must be a 4x4 (or 3x4) matrix, got shape " + ArrayConvert.shapeText(s));
    }
    double[][] m = new double[4][4];
    for (int i = 0; i < s[0]; i++) for (int j = 0; j < 4; j++) m[i][j] = t.getAt(i, j);
    m[3] = new double[] {0, 0, 0, 1};
    return m;
  }

  static double[] numbers(Object v, String what) {
    if (v instanceof Tensor t) return t.toDoubleArray();
    java.util.ArrayList<Double> out = new java.util.ArrayList<>();
    Iterator<Object> it = Iteration.iterator(v);
    while (it.hasNext()) {
      Object x = it.next();
      if (!(x instanceof Double d)) throw TangentError.runtime(what + " must be numbers");
      out.add(d);
    }
    double[] r = new double[out.size()];
    for (int i = 0; i < r.length; i++) r[i] = out.get(i);
    return r;
  }
}
