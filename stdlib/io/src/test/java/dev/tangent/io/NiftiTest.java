package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.DType;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.io.nifti.NiftiVolume;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIfTI-1 on the real volumes python3-nibabel ships. Expected values come from nibabel's own
 * tests (test_scripts.py: nib-ls output for example4d; test_nifti1.py: its extensions;
 * test_processing.py: anatomical's diagonal affine; gen_standard.py: how standard.nii.gz was made)
 * and from reading the raw bytes at the offsets of nifti1.h here in the test.
 */
class NiftiTest {
  private final Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();

  private Object eval(String code) {
    return t.evalRaw(code);
  }

  /** The file's bytes, gunzipped when needed. */
  static ByteBuffer raw(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    if (b[0] == 0x1f && (b[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
        b = in.readAllBytes();
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.getInt(0) != 348) buf.order(ByteOrder.BIG_ENDIAN);
    return buf;
  }

  @Test void anatomicalIsBigEndianInt16WithTheDiagonalAffine() throws IOException {
    Path p = DebianData.file("nibabel/anatomical.nii");
    ByteBuffer b = raw(p);
    assertEquals(ByteOrder.BIG_ENDIAN, b.order(), "anatomical.nii is the big-endian example");
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + p + "\")");
    assertEquals("i16", img.storedType());
    assertArrayEquals(new int[] {b.getShort(42), b.getShort(44), b.getShort(46)}, img.header().shape());
    Tensor affine = img.affine();
    // test_processing.py: "anatomical.nii has a diagonal -2, 2 2 affine"
    assertEquals(-2, affine.getAt(0, 0));
    assertEquals(2, affine.getAt(1, 1));
    assertEquals(2, affine.getAt(2, 2));
    assertEquals(0, affine.getAt(0, 1));
    for (int i = 0; i < 3; i++) assertEquals(b.getFloat(280 + 16 * i + 12), affine.getAt(i, 3), "srow translation " + i);
    assertEquals(List.of(2.0, 2.0, 2.0), img.zooms().items);
    int nx = b.getShort(42), ny = b.getShort(44), nz = b.getShort(46);
    int off = (int) b.getFloat(108);
    Tensor data = img.data();
    double sum = 0, expectedSum = 0;
    for (double v : data.toDoubleArray()) sum += v;
    for (int v = 0; v < nx * ny * nz; v++) expectedSum += b.getShort(off + 2 * v);
    assertEquals(expectedSum, sum);
    int[][] probes = {{0, 0, 0}, {16, 20, 12}, {5, 30, 20}, {32, 40, 24}, {10, 2, 7}};
    for (int[] q : probes) {
      int fortran = q[0] + nx * (q[1] + ny * q[2]);
      assertEquals(b.getShort(off + 2 * fortran), data.getAt(q[0], q[1], q[2]), java.util.Arrays.toString(q));
    }
    assertTrue(expectedSum > 0, "a real brain, not an empty volume");
  }

  @Test void example4dMatchesNibabelsPublishedFacts() {
    Path p = DebianData.file("nibabel/example4d.nii.gz");
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + p + "\")");
    // nib-ls: "int16 [128,  96,  24,   2] 2.00x2.00x2.20x2000.00  #exts: 2 sform"
    assertEquals("i16", img.storedType());
    assertArrayEquals(new int[] {128, 96, 24, 2}, img.header().shape());
    double[] z = img.header().zooms();
    double[] published = {2.00, 2.00, 2.20, 2000.00};
    for (int i = 0; i < 4; i++) assertEquals(published[i], z[i], 0.005);
    assertTrue(img.toString().endsWith("sform>"), img.toString());
    // test_nifti1.py: two comment extensions (code 6), the first 'extcomment1'
    List<Object> exts = img.extensionList().items;
    assertEquals(2, exts.size());
    assertEquals(6.0, ((dev.tangent.spi.TMap) exts.get(0)).get("code"));
    assertEquals("extcomment1", ((dev.tangent.spi.TMap) exts.get(0)).get("content"));
    // nib-ls -c -s -z --all-counts: [589824] [0, 1.2e+03] 0:360099 2:3 3:2 4:1 5:1; 1030 non-zero uniques
    double[] v = img.data().toDoubleArray();
    assertEquals(589824, v.length);
    Map<Double, Integer> counts = new HashMap<>();
    double max = 0;
    for (double x : v) {
      counts.merge(x, 1, Integer::sum);
      max = Math.max(max, x);
    }
    assertEquals(360099, counts.get(0.0));
    assertEquals(3, counts.get(2.0));
    assertEquals(2, counts.get(3.0));
    assertEquals(1, counts.get(4.0));
    assertEquals(1, counts.get(5.0));
    assertEquals(null, counts.get(1.0));
    assertEquals(1031, counts.size(), "1030 non-zero values plus 0");
    assertEquals(1.2e3, max, 50);
    assertTrue(counts.keySet().stream().allMatch(x -> x >= 0), "the minimum is 0");
  }

  @Test void qformAndSformOfAnFslFileAgree() {
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + DebianData.file("nibabel/example4d.nii.gz") + "\")");
    assertTrue(img.header().qformCode > 0 && img.header().sformCode > 0);
    double[][] q = img.header().qform(), s = img.header().sform();
    // The quaternion's first component is sqrt(1 - b^2 - c^2 - d^2) of float32 values, which here
    // is ~1e-4 of rounding: nibabel (fillpositive) gets the same, so agree to 1e-3 of a 2 mm voxel.
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(s[i][j], q[i][j], 1e-3, "affine[" + i + "][" + j + "]");
    assertEquals(-2, s[0][0], 1e-6);
  }

  @Test void functionalIsScaledBySlopeAndIntercept() throws IOException {
    Path p = DebianData.file("nibabel/functional.nii");
    ByteBuffer b = raw(p);
    float slope = b.getFloat(112), inter = b.getFloat(116);
    assertTrue(slope != 1 && inter != 0, "functional.nii carries real scaling");
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + p + "\")");
    NiftiImage rawImg = (NiftiImage) eval("load_nifti(\"" + p + "\", scaled: false)");
    assertEquals("f64", img.data().dtype());
    assertEquals("i64", rawImg.data().dtype());
    int nx = b.getShort(42), ny = b.getShort(44), nz = b.getShort(46);
    int off = (int) b.getFloat(108);
    int[][] probes = {{0, 0, 0, 0}, {8, 10, 1, 5}, {16, 20, 2, 19}, {3, 17, 0, 11}};
    for (int[] q : probes) {
      int fortran = q[0] + nx * (q[1] + ny * (q[2] + nz * q[3]));
      short stored = b.getShort(off + 2 * fortran);
      assertEquals(stored, rawImg.data().getAt(q), java.util.Arrays.toString(q));
      assertEquals(stored * (double) slope + inter, img.data().getAt(q), 1e-9);
    }
  }

  @Test void bigEndianFloatVolume() throws IOException {
    Path p = DebianData.file("nibabel/reoriented_anat_moved.nii");
    ByteBuffer b = raw(p);
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + p + "\")");
    assertEquals("f32", img.storedType());
    int nx = b.getShort(42), ny = b.getShort(44);
    int off = (int) b.getFloat(108);
    for (int[] q : new int[][] {{10, 13, 11}, {4, 20, 3}, {20, 25, 21}}) {
      assertEquals(b.getFloat(off + 4 * (q[0] + nx * (q[1] + ny * q[2]))), img.data().getAt(q), 0.0);
    }
    assertEquals(-35.29789733886719, img.affine().getAt(0, 3), 1e-6);
  }

  /** gen_standard.py: mask = 255 * (RandomState(42).rand(4, 5, 7) > 0.8), affine diag(1, 3, 2). */
  @Test void standardIsNibabelsSeededMask() {
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + DebianData.file("nibabel/standard.nii.gz") + "\")");
    assertEquals("u8", img.storedType());
    Mt19937 rng = new Mt19937(42);
    Tensor d = img.data();
    int on = 0;
    for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) for (int k = 0; k < 7; k++) {
      double expected = rng.nextDouble() > 0.8 ? 255 : 0;
      assertEquals(expected, d.getAt(i, j, k), "voxel " + i + "," + j + "," + k);
      if (expected > 0) on++;
    }
    assertEquals(30, on);
    Tensor a = img.affine();
    assertEquals(1, a.getAt(0, 0));
    assertEquals(3, a.getAt(1, 1));
    assertEquals(2, a.getAt(2, 2));
  }

  @Test void savedVolumesReadBackExactly(@TempDir Path dir) throws IOException {
    for (String src : new String[] {"anatomical.nii", "example4d.nii.gz", "functional.nii"}) {
      Path in = DebianData.file("nibabel/" + src);
      Path out = dir.resolve("copy-" + src);
      eval("save_nifti(\"" + out + "\", load_nifti(\"" + in + "\"))");
      NiftiVolume a = Nifti1.read(in), b = Nifti1.read(out);
      assertArrayEquals(a.data().bytes(), b.data().bytes(), src);
      assertEquals(a.header().datatype, b.header().datatype);
      assertArrayEquals(a.header().affine(), b.header().affine(), src);
      assertArrayEquals(a.header().pixdim, b.header().pixdim, 0f);
      assertEquals(a.header().sclSlope, b.header().sclSlope);
      assertEquals(a.header().sclInter, b.header().sclInter);
      assertEquals(a.header().descrip, b.header().descrip);
      assertEquals(a.extensions().size(), b.extensions().size());
      assertEquals(src.endsWith(".gz"), Files.readAllBytes(out)[0] == 0x1f, "gzip follows the name");
    }
  }

  @Test void writesEveryDatatypeInBothByteOrders(@TempDir Path dir) throws IOException {
    String[] types = {"u8", "i16", "i32", "f32", "f64", "i8", "u16", "u32", "i64"};
    for (String order : new String[] {"little", "big"}) {
      for (String dt : types) {
        Path out = dir.resolve(dt + "-" + order + ".nii.gz");
        eval("let v = tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]])\n"
            + "save_nifti(\"" + out + "\", v, dtype: \"" + dt + "\", byte_order: \"" + order + "\", "
            + "affine: tensor([[0, -1.5, 0, 10], [2, 0, 0, -20], [0, 0, 3, 5], [0, 0, 0, 1]]))");
        ByteBuffer b = raw(out);
        assertEquals(order.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, b.order());
        NiftiImage img = (NiftiImage) eval("load_nifti(\"" + out + "\")");
        assertEquals(dt, img.storedType());
        assertEquals(8.0, img.data().getAt(1, 0, 1), dt + " " + order);
        assertEquals(12.0, img.data().getAt(1, 1, 2));
        assertEquals(List.of(2.0, 1.5, 3.0), img.zooms().items, "zooms come from the affine's columns");
        double[][] q = img.header().qform();
        assertEquals(-1.5, q[0][1], 1e-6, "a rotation, so the qform holds it too");
        assertEquals(2, q[1][0], 1e-6);
        assertEquals(10, img.affine().getAt(0, 3));
      }
    }
  }

  @Test void scalingOnWrite(@TempDir Path dir) {
    Path out = dir.resolve("s.nii");
    eval("save_nifti(\"" + out + "\", tensor([0.5, 1.0, 1.5, 100.0]), dtype: \"i16\", scl_slope: 0.5, scl_inter: 0)");
    NiftiImage raw = (NiftiImage) eval("load_nifti(\"" + out + "\", scaled: false)");
    assertArrayEquals(new double[] {1, 2, 3, 200}, raw.data().toDoubleArray());
    NiftiImage img = (NiftiImage) eval("load_nifti(\"" + out + "\")");
    assertArrayEquals(new double[] {0.5, 1.0, 1.5, 100.0}, img.data().toDoubleArray());
    TangentException e = assertThrows(TangentException.class,
        () -> eval("save_nifti(\"" + out + "\", tensor([40000]), dtype: \"i16\")"));
    assertTrue(e.format().contains("does not fit in i16"), e.format());
  }

  @Test void withDataKeepsTheHeader(@TempDir Path dir) {
    Path in = DebianData.file("nibabel/anatomical.nii");
    Path out = dir.resolve("double.nii.gz");
    // anatomical's values span -610..30393: doubling still fits i32 but not i16, halving fits i16
    eval("let a = load_nifti(\"" + in + "\")\nsave_nifti(\"" + out + "\", a.with_data(a.data // 2))");
    NiftiImage a = (NiftiImage) eval("load_nifti(\"" + in + "\")");
    NiftiImage b = (NiftiImage) eval("load_nifti(\"" + out + "\")");
    assertEquals("i16", b.storedType());
    assertArrayEquals(a.header().affine(), b.header().affine());
    assertEquals(Math.floor(a.data().getAt(16, 20, 12) / 2), b.data().getAt(16, 20, 12));
    eval("let a = load_nifti(\"" + in + "\")\nsave_nifti(\"" + out + "\", a.with_data(a.data * 2))");
    NiftiImage c = (NiftiImage) eval("load_nifti(\"" + out + "\")");
    assertEquals(2 * java.util.Arrays.stream(a.data().toDoubleArray()).max().getAsDouble(),
        java.util.Arrays.stream(c.data().toDoubleArray()).max().getAsDouble());
    assertTrue(!c.storedType().equals("i16"), "i16 cannot hold 60786, so another type is chosen: " + c.storedType());
    assertEquals("spm - 3D normalized", b.header().descrip);
  }

  @Test void readsAnalyzeStylePairs(@TempDir Path dir) throws IOException {
    byte[] full = Files.readAllBytes(DebianData.file("nibabel/anatomical.nii"));
    byte[] hdr = java.util.Arrays.copyOf(full, 348);
    ByteBuffer h = ByteBuffer.wrap(hdr).order(ByteOrder.BIG_ENDIAN);
    h.putFloat(108, 0f);
    hdr[344] = 'n';
    hdr[345] = 'i';
    hdr[346] = '1';
    Files.write(dir.resolve("pair.hdr"), hdr);
    Files.write(dir.resolve("pair.img"), java.util.Arrays.copyOfRange(full, 352, full.length));
    NiftiImage pair = (NiftiImage) eval("load_nifti(\"" + dir.resolve("pair.hdr") + "\")");
    NiftiImage single = (NiftiImage) eval("load_nifti(\"" + DebianData.file("nibabel/anatomical.nii") + "\")");
    assertArrayEquals(single.data().toDoubleArray(), pair.data().toDoubleArray());
    Files.delete(dir.resolve("pair.img"));
    assertMessage("load_nifti(\"" + dir.resolve("pair.hdr") + "\")", "the image file pair.img of this .hdr is missing");
  }

  @Test void corruptAndUnsupportedFilesSayWhy(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.nii");
    Files.writeString(text, "not a volume at all");
    assertMessage("load_nifti(\"" + text + "\")", "load_nifti(): " + text + ": not a NIfTI-1 file (shorter than its 348-byte header)");
    byte[] full = Files.readAllBytes(DebianData.file("nibabel/anatomical.nii"));
    Path cut = dir.resolve("cut.nii");
    Files.write(cut, java.util.Arrays.copyOf(full, 2000));
    assertMessage("load_nifti(\"" + cut + "\")", "NIfTI data is truncated: 33x41x25 i16 needs 67650 bytes after the header");
    byte[] complex = full.clone();
    ByteBuffer.wrap(complex).order(ByteOrder.BIG_ENDIAN).putShort(70, (short) 32).putShort(72, (short) 64);
    Path cx = dir.resolve("complex.nii");
    Files.write(cx, complex);
    assertMessage("load_nifti(\"" + cx + "\")", "NIfTI datatype complex64 (32) is not supported");
    Path gz = dir.resolve("broken.nii.gz");
    byte[] g = Files.readAllBytes(DebianData.file("nibabel/example4d.nii.gz"));
    Files.write(gz, java.util.Arrays.copyOf(g, 5000));
    TangentException e = assertThrows(TangentException.class, () -> eval("load_nifti(\"" + gz + "\")"));
    assertTrue(e.format().contains(gz.toString()) && !e.format().contains("\tat "), e.format());
  }

  @Test void theSandboxGuardsNiftiFiles(@TempDir Path dir) {
    Tangent sandboxed = Tangent.builder().output(new StringWriter()).permissions(Permissions.none().allowReadWrite(dir)).build();
    Path in = DebianData.file("nibabel/anatomical.nii");
    TangentException e = assertThrows(TangentException.class, () -> sandboxed.eval("load_nifti(\"" + in + "\")"));
    assertTrue(e.format().contains("permission denied: reading " + in), e.format());
    e = assertThrows(TangentException.class, () -> sandboxed.eval("save_nifti(\"/tmp/outside-" + System.nanoTime() + ".nii\", tensor([1, 2]))"));
    assertTrue(e.format().contains("permission denied: writing"), e.format());
    sandboxed.eval("save_nifti(\"" + dir.resolve("in.nii") + "\", tensor([1, 2]))");
    assertEquals(2.0, sandboxed.eval("load_nifti(\"" + dir.resolve("in.nii") + "\").data[1]"));
  }

  private void assertMessage(String code, String expected) {
    TangentException e = assertThrows(TangentException.class, () -> eval(code));
    assertTrue(e.format().contains(expected), e.format());
    assertTrue(!e.format().contains("Exception"), e.format());
  }

  @Test void dtypeNamesMatchTheCodec() {
    assertEquals(DType.I16, DType.fromSafetensors("I16"));
  }
}
