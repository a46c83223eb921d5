package dev.tangent.drdm.field;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.io.ArrayConvert;
import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.io.nifti.NiftiHeader;
import dev.tangent.io.nifti.NiftiVolume;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deformations on disk, written atomically through stdlib/io's codecs.
 * <ul>
 *   <li>.npz: one float32 array {@code displacement}, shaped like {@code phi.tensor()}: [nd, S...] or
 *   [B, nd, S...], in voxels. Reading also takes the only array of any .npz.</li>
 *   <li>.nii / .nii.gz: NIfTI-1's layout for vector volumes: a 5-D float32 volume [X, Y, Z, T, nd]
 *   with intent code 1006 (NIFTI_INTENT_DISPVECT), Z = 1 for 2-D fields and T the batch (1 for one
 *   field; intent_name "voxels batch" marks a batch). Component c of voxel (i, j, k) is the displacement along array axis c, in voxels;
 *   pixdim is 1 and no world transform is set, so tools that expect world (mm) vectors, such as
 *   ITK, read it as voxel-aligned with unit spacing.</li>
 * </ul>
 */
public final class FieldFiles {
  private FieldFiles() {}

  public static final int INTENT_DISPVECT = 1006;
  public static final int INTENT_VECTOR = 1007;
  public static final String NPZ_KEY = "displacement";
  /** A 0-d bool array beside it: whether the first axis is a batch (so (3, 2, H, W) reads back as written). */
  public static final String BATCHED_KEY = "batched";
  /** intent_name of a batch (so that a batch of one reads back as a batch). */
  static final String BATCH_NAME = "voxels batch";

  enum Format { NPZ, NIFTI }

  static Format format(Path p, String fn) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npz")) return Format.NPZ;
    if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return Format.NIFTI;
    throw TangentError.runtime(fn + ": " + p + ": a field file is .npz, .nii or .nii.gz");
  }

  public static void save(Deformation phi, Path p) {
    Format f = format(p, "save()");
    try {
      if (f == Format.NPZ) {
        Map<String, NdArray> arrays = new java.util.LinkedHashMap<>();
        arrays.put(NPZ_KEY, NdArray.ofFloats(phi.tensorShape(), phi.voxels()));
        arrays.put(BATCHED_KEY, NdArray.ofBytes(dev.tangent.io.array.DType.BOOL, new int[0], new byte[] {(byte) (phi.batched() ? 1 : 0)}));
        Npz.write(p, arrays, false);
      } else {
        Nifti1.write(p, nifti(phi));
      }
    } catch (IOException e) {
      throw failure("save()", p, e);
    }
  }

  /** Reads a field; batched (may be null) settles a (3, 2, H, W) array that the file does not mark. */
  public static Deformation load(Path p, Units units, Boolean batched, String fn) {
    Format f = format(p, fn);
    try {
      if (f == Format.NPZ) {
        Map<String, NdArray> arrays = Npz.read(p);
        NdArray a = arrays.get(NPZ_KEY);
        NdArray mark = arrays.get(BATCHED_KEY);
        if (batched == null && a != null && mark != null && mark.size() == 1) batched = mark.bytes()[0] != 0;
        if (a == null && arrays.size() == 1) a = arrays.values().iterator().next();
        if (a == null) {
          throw TangentError.runtime(fn + ": " + p + ": no array named '" + NPZ_KEY + "' (and more than one array to choose from: "
              + arrays.keySet() + ")");
        }
        if (!a.dtype.isFloat()) throw TangentError.runtime(fn + ": " + p + ": the displacement must be floating point, got " + a.dtype.lower());
        return FieldTensors.fromTensor(ArrayConvert.toTensor(a), units, batched, fn);
      }
      return fromNifti(Nifti1.read(p), units, p, fn);
    } catch (IOException e) {
      throw failure(fn, p, e);
    }
  }

  static NiftiVolume nifti(Deformation phi) {
    Grid g = phi.grid();
    int nd = g.nd, v = g.voxels, t = phi.count();
    int[] shape = {g.size(0), g.size(1), nd == 3 ? g.size(2) : 1, t, nd};
    float[] u = phi.voxels();
    float[] out = new float[u.length];
    // C order over [X, Y, Z, T, nd]: voxel-major, then sample, then component.
    for (int b = 0; b < t; b++) {
      for (int c = 0; c < nd; c++) {
        int src = phi.offset(b) + c * v;
        for (int i = 0; i < v; i++) out[(i * t + b) * nd + c] = u[src + i];
      }
    }
    NiftiHeader h = new NiftiHeader();
    h.intentCode = INTENT_DISPVECT;
    h.intentName = phi.batched() ? BATCH_NAME : "voxels";
    h.descrip = "Tangent drdm displacement, voxels, component c along array axis c";
    return new NiftiVolume(h, NdArray.ofFloats(shape, out), List.of());
  }

  static Deformation fromNifti(NiftiVolume vol, Units units, Path p, String fn) {
    int[] s = vol.data().shape;
    if (s.length != 5 || (s[4] != 2 && s[4] != 3) || (s[4] == 2 && s[2] != 1)) {
      throw TangentError.runtime(fn + ": " + p + ": not a displacement field: NIfTI stores one as a 5-D volume [X, Y, Z, T, 3] "
          + "(or [X, Y, 1, T, 2] in 2-D) with intent DISPVECT, got shape " + Grid.text(s));
    }
    if (!vol.data().dtype.isFloat()) {
      throw TangentError.runtime(fn + ": " + p + ": the displacement must be floating point, got " + vol.data().dtype.lower());
    }
    int nd = s[4], t = s[3];
    int[] spatial = nd == 3 ? new int[] {s[0], s[1], s[2]} : new int[] {s[0], s[1]};
    Grid g = Grid.of(spatial, fn);
    float[] in = vol.data().toFloats();
    NiftiHeader h = vol.header();
    if (h.scaled()) {
      float slope = h.sclSlope, inter = Float.isNaN(h.sclInter) ? 0 : h.sclInter;
      for (int i = 0; i < in.length; i++) in[i] = in[i] * slope + inter;
    }
    int v = g.voxels;
    float[] u = new float[in.length];
    for (int b = 0; b < t; b++) {
      for (int c = 0; c < nd; c++) {
        int dst = (b * nd + c) * v;
        for (int i = 0; i < v; i++) u[dst + i] = in[(i * t + b) * nd + c];
      }
    }
    boolean batch = t > 1 || BATCH_NAME.equals(h.intentName);
    Tensor tensor = Tensor.ofFloats(batch ? concat(t, nd, spatial) : concat(-1, nd, spatial), u);
    return FieldTensors.fromTensor(tensor, units, batch, fn);
  }

  private static int[] concat(int batch, int nd, int[] spatial) {
    int lead = batch > 0 ? 2 : 1;
    int[] out = new int[lead + spatial.length];
    if (batch > 0) out[0] = batch;
    out[lead - 1] = nd;
    System.arraycopy(spatial, 0, out, lead, spatial.length);
    return out;
  }

  static TangentError failure(String fn, Path p, IOException e) {
    String why;
    if (e instanceof NoSuchFileException) why = "no such file";
    else if (e instanceof ArrayFormatException) why = e.getMessage();
    else why = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    return TangentError.runtime(fn + ": " + p + ": " + why);
  }
}
