package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.nifti.NiftiHeader;
import dev.tangent.io.nifti.NiftiVolume;
import dev.tangent.spi.Display;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What load_nifti returns: the voxels (scaled by scl_slope/scl_inter unless asked not to), the
 * voxel-to-world affine, the voxel sizes and the full header, kept so that saving it again
 * reproduces the file.
 */
public final class NiftiImage {
  final NiftiVolume volume;
  private final boolean applyScaling;
  private Tensor data;

  NiftiImage(NiftiVolume volume, boolean applyScaling) {
    this.volume = volume;
    this.applyScaling = applyScaling;
  }

  public NiftiHeader header() { return volume.header(); }

  /** The voxels: stored values times scl_slope plus scl_inter (f64) when the header scales them. */
  public Tensor data() {
    if (data == null) {
      NdArray raw = volume.data();
      NiftiHeader h = volume.header();
      if (applyScaling && h.scaled()) {
        double[] v = raw.toDoubles();
        double inter = Float.isNaN(h.sclInter) ? 0 : h.sclInter;
        for (int i = 0; i < v.length; i++) v[i] = v[i] * h.sclSlope + inter;
        data = Tensor.ofDoubles(raw.shape, v);
      } else {
        data = ArrayConvert.toTensor(raw);
      }
    }
    return data;
  }

  public Tensor affine() { return Tensor.matrix(header().affine()); }

  public TList zooms() {
    TList out = new TList();
    for (double z : header().zooms()) out.items.add(z);
    return out;
  }

  public String storedType() { return volume.data().dtype.lower(); }

  public TMap headerMap() {
    NiftiHeader h = header();
    TMap m = new TMap();
    m.put("sizeof_hdr", 348.0);
    m.put("magic", h.magic);
    m.put("byte_order", h.order == ByteOrder.BIG_ENDIAN ? "big" : "little");
    m.put("dim_info", (double) h.dimInfo);
    m.put("dim", numbers(h.dim));
    m.put("intent_p1", (double) h.intentP1);
    m.put("intent_p2", (double) h.intentP2);
    m.put("intent_p3", (double) h.intentP3);
    m.put("intent_code", (double) h.intentCode);
    m.put("intent_name", h.intentName);
    m.put("datatype", (double) h.datatype);
    m.put("bitpix", (double) h.bitpix);
    m.put("slice_start", (double) h.sliceStart);
    m.put("slice_end", (double) h.sliceEnd);
    m.put("slice_code", (double) h.sliceCode);
    m.put("slice_duration", (double) h.sliceDuration);
    m.put("pixdim", numbers(h.pixdim));
    m.put("vox_offset", (double) h.voxOffset);
    m.put("scl_slope", (double) h.sclSlope);
    m.put("scl_inter", (double) h.sclInter);
    m.put("xyzt_units", (double) h.xyztUnits);
    m.put("cal_max", (double) h.calMax);
    m.put("cal_min", (double) h.calMin);
    m.put("toffset", (double) h.toffset);
    m.put("descrip", h.descrip);
    m.put("aux_file", h.auxFile);
    m.put("qform_code", (double) h.qformCode);
    m.put("sform_code", (double) h.sformCode);
    m.put("quatern_b", (double) h.quaternB);
    m.put("quatern_c", (double) h.quaternC);
    m.put("quatern_d", (double) h.quaternD);
    m.put("qoffset_x", (double) h.qoffsetX);
    m.put("qoffset_y", (double) h.qoffsetY);
    m.put("qoffset_z", (double) h.qoffsetZ);
    m.put("srow_x", numbers(h.srowX));
    m.put("srow_y", numbers(h.srowY));
    m.put("srow_z", numbers(h.srowZ));
    return m;
  }

  public TList extensionList() {
    TList out = new TList();
    for (NiftiVolume.Extension e : volume.extensions()) {
      TMap m = new TMap();
      m.put("code", (double) e.code());
      m.put("content", new String(e.content(), StandardCharsets.ISO_8859_1).replace("\0", ""));
      out.items.add(m);
    }
    return out;
  }

  private static TList numbers(short[] v) {
    TList out = new TList();
    for (short x : v) out.items.add((double) x);
    return out;
  }

  private static TList numbers(float[] v) {
    TList out = new TList();
    for (float x : v) out.items.add((double) x);
    return out;
  }

  @Override public String toString() {
    NiftiHeader h = header();
    StringBuilder sb = new StringBuilder("<NIfTI-1 ");
    int[] s = h.shape();
    for (int i = 0; i < s.length; i++) sb.append(i > 0 ? "x" : "").append(s[i]);
    sb.append(' ').append(storedType());
    if (h.scaled()) sb.append(" scaled");
    sb.append(", zooms ");
    double[] z = h.zooms();
    for (int i = 0; i < z.length; i++) sb.append(i > 0 ? "x" : "").append(Display.number(z[i], 6));
    String su = h.spatialUnit(), tu = h.timeUnit();
    if (!su.isEmpty() || !tu.isEmpty()) sb.append(" (").append(su).append(!su.isEmpty() && !tu.isEmpty() ? ", " : "").append(tu).append(')');
    sb.append(h.sformCode > 0 ? ", sform" : h.qformCode > 0 ? ", qform" : ", no transform").append('>');
    return sb.toString();
  }
}
