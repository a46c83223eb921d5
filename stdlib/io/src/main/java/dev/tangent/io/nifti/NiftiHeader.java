package dev.tangent.io.nifti;

import dev.tangent.io.array.ArrayFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 348-byte NIfTI-1 header, field by field (names as in nifti1.h). Reading detects the byte
 * order from sizeof_hdr; the spatial transform follows the standard: sform when sform_code > 0,
 * else qform when qform_code > 0, else (as nibabel) a centred diagonal with x flipped.
 */
public final class NiftiHeader {
  public static final int SIZE = 348;

  public ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  public int dimInfo;
  public short[] dim = new short[8];
  public float intentP1, intentP2, intentP3;
  public int intentCode;
  public int datatype;
  public int bitpix;
  public int sliceStart;
  public float[] pixdim = new float[8];
  public float voxOffset;
  public float sclSlope, sclInter;
  public int sliceEnd;
  public int sliceCode;
  public int xyztUnits;
  public float calMax, calMin;
  public float sliceDuration;
  public float toffset;
  public String descrip = "";
  public String auxFile = "";
  public int qformCode, sformCode;
  public float quaternB, quaternC, quaternD;
  public float qoffsetX, qoffsetY, qoffsetZ;
  public float[] srowX = new float[4], srowY = new float[4], srowZ = new float[4];
  public String intentName = "";
  /** "n+1" for a single .nii file, "ni1" for a .hdr/.img pair. */
  public String magic = "n+1";

  public static NiftiHeader read(byte[] bytes) throws ArrayFormatException {
    if (bytes.length < SIZE) throw new ArrayFormatException("not a NIfTI-1 file (shorter than its 348-byte header)");
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != SIZE) {
      b.order(ByteOrder.BIG_ENDIAN);
      if (b.getInt(0) != SIZE) {
        if (b.getInt(0) == 540 || Integer.reverseBytes(b.getInt(0)) == 540) {
          throw new ArrayFormatException("NIfTI-2 files are not supported (only NIfTI-1)");
        }
        throw new ArrayFormatException("not a NIfTI-1 file (sizeof_hdr is not 348)");
      }
    }
    NiftiHeader h = new NiftiHeader();
    h.order = b.order();
    h.magic = text(bytes, 344, 4);
    if (!h.magic.equals("n+1") && !h.magic.equals("ni1")) {
      throw new ArrayFormatException("not a NIfTI-1 file (magic '" + h.magic + "'; an Analyze 7.5 header?)");
    }
    h.dimInfo = b.get(39) & 0xff;
    for (int i = 0; i < 8; i++) h.dim[i] = b.getShort(40 + 2 * i);
    h.intentP1 = b.getFloat(56);
    h.intentP2 = b.getFloat(60);
    h.intentP3 = b.getFloat(64);
    h.intentCode = b.getShort(68);
    h.datatype = b.getShort(70);
    h.bitpix = b.getShort(72);
    h.sliceStart = b.getShort(74);
    for (int i = 0; i < 8; i++) h.pixdim[i] = b.getFloat(76 + 4 * i);
    h.voxOffset = b.getFloat(108);
    h.sclSlope = b.getFloat(112);
    h.sclInter = b.getFloat(116);
    h.sliceEnd = b.getShort(120);
    h.sliceCode = b.get(122) & 0xff;
    h.xyztUnits = b.get(123) & 0xff;
    h.calMax = b.getFloat(124);
    h.calMin = b.getFloat(128);
    h.sliceDuration = b.getFloat(132);
    h.toffset = b.getFloat(136);
    h.descrip = text(bytes, 148, 80);
    h.auxFile = text(bytes, 228, 24);
    h.qformCode = b.getShort(252);
    h.sformCode = b.getShort(254);
    h.quaternB = b.getFloat(256);
    h.quaternC = b.getFloat(260);
    h.quaternD = b.getFloat(264);
    h.qoffsetX = b.getFloat(268);
    h.qoffsetY = b.getFloat(272);
    h.qoffsetZ = b.getFloat(276);
    for (int i = 0; i < 4; i++) {
      h.srowX[i] = b.getFloat(280 + 4 * i);
      h.srowY[i] = b.getFloat(296 + 4 * i);
      h.srowZ[i] = b.getFloat(312 + 4 * i);
    }
    h.intentName = text(bytes, 328, 16);
    int nd = h.dim[0];
    if (nd < 1 || nd > 7) throw new ArrayFormatException("bad NIfTI dim[0] = " + nd + " (must be 1..7)");
    for (int i = 1; i <= nd; i++) {
      if (h.dim[i] < 0) throw new ArrayFormatException("bad NIfTI dim[" + i + "] = " + h.dim[i]);
    }
    return h;
  }

  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(SIZE).order(order);
    b.putInt(0, SIZE);
    b.put(38, (byte) 'r');
    b.put(39, (byte) dimInfo);
    for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, dim[i]);
    b.putFloat(56, intentP1);
    b.putFloat(60, intentP2);
    b.putFloat(64, intentP3);
    b.putShort(68, (short) intentCode);
    b.putShort(70, (short) datatype);
    b.putShort(72, (short) bitpix);
    b.putShort(74, (short) sliceStart);
    for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
    b.putFloat(108, voxOffset);
    b.putFloat(112, sclSlope);
    b.putFloat(116, sclInter);
    b.putShort(120, (short) sliceEnd);
    b.put(122, (byte) sliceCode);
    b.put(123, (byte) xyztUnits);
    b.putFloat(124, calMax);
    b.putFloat(128, calMin);
    b.putFloat(132, sliceDuration);
    b.putFloat(136, toffset);
    putText(b, 148, 80, descrip);
    putText(b, 228, 24, auxFile);
    b.putShort(252, (short) qformCode);
    b.putShort(254, (short) sformCode);
    b.putFloat(256, quaternB);
    b.putFloat(260, quaternC);
    b.putFloat(264, quaternD);
    b.putFloat(268, qoffsetX);
    b.putFloat(272, qoffsetY);
    b.putFloat(276, qoffsetZ);
    for (int i = 0; i < 4; i++) {
      b.putFloat(280 + 4 * i, srowX[i]);
      b.putFloat(296 + 4 * i, srowY[i]);
      b.putFloat(312 + 4 * i, srowZ[i]);
    }
    putText(b, 328, 16, intentName);
    putText(b, 344, 4, magic);
    return b.array();
  }

  /** The array shape: dim[1..dim[0]]. */
  public int[] shape() {
    int[] s = new int[dim[0]];
    for (int i = 0; i < s.length; i++) s[i] = dim[i + 1];
    return s;
  }

  /** Voxel sizes (and the time step) along each axis: pixdim[1..dim[0]]. */
  public double[] zooms() {
    double[] z = new double[dim[0]];
    for (int i = 0; i < z.length; i++) z[i] = pixdim[i + 1];
    return z;
  }

  /** True when scl_slope/scl_inter change the stored values (slope 0 or NaN means "not scaled"). */
  public boolean scaled() {
    if (sclSlope == 0 || Float.isNaN(sclSlope)) return false;
    return !(sclSlope == 1 && (sclInter == 0 || Float.isNaN(sclInter)));
  }

  /** The voxel-to-world affine (4x4, row-major) the standard says to use. */
  public double[][] affine() {
    if (sformCode > 0) return sform();
    if (qformCode > 0) return qform();
    return baseAffine();
  }

  public double[][] sform() {
    return new double[][] {
      {srowX[0], srowX[1], srowX[2], srowX[3]},
      {srowY[0], srowY[1], srowY[2], srowY[3]},
      {srowZ[0], srowZ[1], srowZ[2], srowZ[3]},
      {0, 0, 0, 1}};
  }

  /** Method 2 of nifti1.h: rotation from the quaternion, then voxel sizes, qfac and offsets. */
  public double[][] qform() {
    double b = quaternB, c = quaternC, d = quaternD;
    double a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
    double[][] r = {
      {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
      {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
      {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    double qfac = pixdim[0] < 0 ? -1 : 1;
    double[] z = {pixdim[1], pixdim[2], pixdim[3] * qfac};
    double[] t = {qoffsetX, qoffsetY, qoffsetZ};
    double[][] m = new double[4][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) m[i][j] = r[i][j] * z[j];
      m[i][3] = t[i];
    }
    m[3][3] = 1;
    return m;
  }

  /** nibabel's fallback for files without a transform: the volume centred, x flipped. */
  public double[][] baseAffine() {
    double[] z = new double[3];
    int[] n = new int[3];
    for (int i = 0; i < 3; i++) {
      z[i] = i < dim[0] ? pixdim[i + 1] : 1;
      n[i] = i < dim[0] ? dim[i + 1] : 1;
    }
    return new double[][] {
      {-z[0], 0, 0, (n[0] - 1) / 2.0 * z[0]},
      {0, z[1], 0, -(n[1] - 1) / 2.0 * z[1]},
      {0, 0, z[2], -(n[2] - 1) / 2.0 * z[2]},
      {0, 0, 0, 1}};
  }

  /** Stores an affine as the sform (with this code) and, when its 3x3 part is a rotation times voxel sizes, as the qform too. */
  public void setAffine(double[][] m, int code) {
    for (int j = 0; j < 4; j++) {
      srowX[j] = (float) m[0][j];
      srowY[j] = (float) m[1][j];
      srowZ[j] = (float) m[2][j];
    }
    sformCode = code;
    double[] zoom = new double[3];
    double[][] r = new double[3][3];
    for (int j = 0; j < 3; j++) {
      zoom[j] = Math.sqrt(m[0][j] * m[0][j] + m[1][j] * m[1][j] + m[2][j] * m[2][j]);
      for (int i = 0; i < 3; i++) r[i][j] = zoom[j] == 0 ? (i == j ? 1 : 0) : m[i][j] / zoom[j];
    }
    double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
        - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
        + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    double qfac = det < 0 ? -1 : 1;
    if (qfac < 0) for (int i = 0; i < 3; i++) r[i][2] = -r[i][2];
    for (int j = 0; j < 3 && j < dim[0]; j++) pixdim[j + 1] = (float) zoom[j];
    pixdim[0] = (float) qfac;
    qoffsetX = (float) m[0][3];
    qoffsetY = (float) m[1][3];
    qoffsetZ = (float) m[2][3];
    if (!orthonormal(r)) {
      quaternB = quaternC = quaternD = 0;
      qformCode = 0;
      return;
    }
    double[] q = quaternion(r);
    quaternB = (float) q[1];
    quaternC = (float) q[2];
    quaternD = (float) q[3];
    qformCode = code;
  }

  private static boolean orthonormal(double[][] r) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int k = 0; k < 3; k++) dot += r[k][i] * r[k][j];
        if (Math.abs(dot - (i == j ? 1 : 0)) > 1e-5) return false;
      }
    }
    return true;
  }

  /** (a, b, c, d) with a >= 0 for a proper rotation matrix. */
  static double[] quaternion(double[][] r) {
    double tr = r[0][0] + r[1][1] + r[2][2];
    double a, b, c, d;
    if (tr > 0) {
      double s = Math.sqrt(tr + 1) * 2;
      a = 0.25 * s;
      b = (r[2][1] - r[1][2]) / s;
      c = (r[0][2] - r[2][0]) / s;
      d = (r[1][0] - r[0][1]) / s;
    } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
      double s = Math.sqrt(1 + r[0][0] - r[1][1] - r[2][2]) * 2;
      a = (r[2][1] - r[1][2]) / s;
      b = 0.25 * s;
      c = (r[0][1] + r[1][0]) / s;
      d = (r[0][2] + r[2][0]) / s;
    } else if (r[1][1] > r[2][2]) {
      double s = Math.sqrt(1 + r[1][1] - r[0][0] - r[2][2]) * 2;
      a = (r[0][2] - r[2][0]) / s;
      b = (r[0][1] + r[1][0]) / s;
      c = 0.25 * s;
      d = (r[1][2] + r[2][1]) / s;
    } else {
      double s = Math.sqrt(1 + r[2][2] - r[0][0] - r[1][1]) * 2;
      a = (r[1][0] - r[0][1]) / s;
      b = (r[0][2] + r[2][0]) / s;
      c = (r[1][2] + r[2][1]) / s;
      d = 0.25 * s;
    }
    if (a < 0) {
      a = -a;
      b = -b;
      c = -c;
      d = -d;
    }
    return new double[] {a, b, c, d};
  }

  /** Spatial and temporal units from xyzt_units, e.g. ("mm", "s"); "" when unknown. */
  public String spatialUnit() {
    switch (xyztUnits & 0x07) {
      case 1: return "m";
      case 2: return "mm";
      case 3: return "um";
      default: return "";
    }
  }

  public String timeUnit() {
    switch (xyztUnits & 0x38) {
      case 8: return "s";
      case 16: return "ms";
      case 24: return "us";
      case 32: return "Hz";
      case 40: return "ppm";
      case 48: return "rad/s";
      default: return "";
    }
  }

  private static String text(byte[] bytes, int off, int len) {
    int end = off;
    while (end < off + len && bytes[end] != 0) end++;
    return new String(bytes, off, end - off, StandardCharsets.ISO_8859_1).trim();
  }

  private static void putText(ByteBuffer b, int off, int len, String s) {
    byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < len; i++) b.put(off + i, i < t.length && i < len - 1 ? t[i] : 0);
  }

  public NiftiHeader copy() {
    NiftiHeader h = new NiftiHeader();
    h.order = order; h.dimInfo = dimInfo; h.dim = dim.clone();
    h.intentP1 = intentP1; h.intentP2 = intentP2; h.intentP3 = intentP3; h.intentCode = intentCode;
    h.datatype = datatype; h.bitpix = bitpix; h.sliceStart = sliceStart; h.pixdim = pixdim.clone();
    h.voxOffset = voxOffset; h.sclSlope = sclSlope; h.sclInter = sclInter; h.sliceEnd = sliceEnd;
    h.sliceCode = sliceCode; h.xyztUnits = xyztUnits; h.calMax = calMax; h.calMin = calMin;
    h.sliceDuration = sliceDuration; h.toffset = toffset; h.descrip = descrip; h.auxFile = auxFile;
    h.qformCode = qformCode; h.sformCode = sformCode; h.quaternB = quaternB; h.quaternC = quaternC;
    h.quaternD = quaternD; h.qoffsetX = qoffsetX; h.qoffsetY = qoffsetY; h.qoffsetZ = qoffsetZ;
    h.srowX = srowX.clone(); h.srowY = srowY.clone(); h.srowZ = srowZ.clone();
    h.intentName = intentName; h.magic = magic;
    return h;
  }
}
