package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.TangentError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and adversarial files for every reader: truncated, negative and overflowing sizes,
 * wrong magic, huge declared shapes, and seeded random corruption of valid files. Whatever the
 * file, a reader either loads it or reports a language error in words: never an internal error,
 * a Java class name, raw binary, or an attempt to allocate what the header merely declares.
 */
class HostileFilesTest {
  @TempDir Path dir;
  Tangent t;

  @BeforeEach void open() {
    t = Tangent.builder().output(new java.io.StringWriter()).allowReadWrite(dir).build();
  }

  // ------------------------------------------------------------------ helpers

  /** Loads the file; success is fine, a failure must be a clean language error. Returns the message or null. */
  String load(String fn, Path file) {
    try {
      t.eval(fn + "(\"" + file + "\")");
      return null;
    } catch (TangentException e) {
      assertClean(e);
      return e.format();
    }
  }

  String failure(String fn, Path file) {
    String m = load(fn, file);
    if (m == null) fail(fn + " accepted a hostile file " + file.getFileName());
    return m;
  }

  static void assertClean(TangentException e) {
    String m = e.format();
    assertNotEquals(TangentError.Kind.INTERNAL, e.kind(), m);
    assertFalse(m.matches("(?s).*[A-Za-z](Exception|Error)\\b.*"), "names a Java class: " + m);
    assertFalse(m.contains("java."), m);
    for (char c : m.toCharArray()) {
      assertTrue(c == '\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xfffd), "unprintable in: " + m);
    }
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static byte[] npy(String header, byte[] data) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    byte[] h = (header + " ".repeat(Math.max(0, 118 - header.length())) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    o.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >> 8)});
    o.writeBytes(h);
    o.writeBytes(data);
    return o.toByteArray();
  }

  static byte[] safetensors(String json, byte[] data) {
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    return b.array();
  }

  static byte[] idx(int code, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) code).put((byte) dims.length);
    for (int d : dims) b.putInt(d);
    b.put(data);
    return b.array();
  }

  /** A NIfTI-1 .nii header (little-endian) with the given dims, datatype f32, and some data. */
  static byte[] nifti(short[] dim, float voxOffset, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(352 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 348);
    for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, i < dim.length ? dim[i] : 1);
    b.putShort(70, (short) 16);   // datatype float32
    b.putShort(72, (short) 32);   // bitpix
    for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, 1f);
    b.putFloat(108, voxOffset);
    b.putFloat(112, 1f);
    b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
    return b.array();
  }

  static byte[] pngWithDeclaredSize(int w, int h) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(o, "IHDR", ihdr.array());
    chunk(o, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(o, "IEND", new byte[0]);
    return o.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream o, String type, byte[] data) {
    ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
    o.writeBytes(len.array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    o.writeBytes(t);
    o.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    o.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  // ------------------------------------------------------------------ declared sizes

  @Test void npyNegativeAndOverflowingShapes() throws IOException {
    String m = failure("load_npy", write("neg.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-5, 2), }", new byte[80])));
    assertTrue(m.contains("negative dimension -5"), m);
    m = failure("load_npy", write("big.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", new byte[8])));
    assertTrue(m.contains("bad .npy shape"), m);
    m = failure("load_npy", write("ovf.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 4), }", new byte[8])));
    assertTrue(m.contains("more than 2^63 elements"), m);
    m = failure("load_npy", write("huge.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[8])));
    assertTrue(m.contains("the limit is"), m);
    // Declares 8 MB, holds 16 bytes: refused before anything of that size is allocated.
    m = failure("load_npy", write("short.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 1000), }", new byte[16])));
    assertTrue(m.contains("truncated"), m);
  }

  @Test void npyGarbledHeaderIsReportedInPrintableWords() throws IOException {
    byte[] junk = new byte[100];
    new SplittableRandom(1).nextBytes(junk);
    junk[0] = '{';
    String m = failure("load_npy", write("garbled.npy", npy(new String(junk, StandardCharsets.ISO_8859_1), new byte[0])));
    assertTrue(m.contains("no simple 'descr'"), m);
    assertTrue(m.contains("\\x"), "binary shown as escapes: " + m);
  }

  @Test void safetensorsShapeMustMatchItsOffsets() throws IOException {
    // The file: a shape of 2^62 x 4 with offsets [0, 0] once loaded as shape (0, 4).
    String m = failure("load_safetensors", write("ovf.safetensors",
        safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,0]}}", new byte[0])));
    assertTrue(m.contains("more than 2^63 elements"), m);
    m = failure("load_safetensors", write("mismatch.safetensors",
        safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,8]}}", new byte[8])));
    assertTrue(m.contains("needs 48 bytes"), m);
    m = failure("load_safetensors", write("neg.safetensors",
        safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[-2,4],\"data_offsets\":[0,8]}}", new byte[8])));
    assertTrue(m.contains("negative dimension"), m);
    m = failure("load_safetensors", write("past.safetensors",
        safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,9223372036854775807]}}", new byte[8])));
    assertTrue(m.contains("outside the file"), m);
    m = failure("load_safetensors", write("bignum.safetensors",
        safetensors("{\"x\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999999],\"data_offsets\":[0,8]}}", new byte[8])));
    assertTrue(m.contains("out of range"), m);
    m = failure("load_safetensors", write("escape.safetensors", safetensors("{\"\\uzzze\":{}}", new byte[0])));
    assertTrue(m.contains("four hexadecimal digits"), m);
    m = failure("load_safetensors", write("deep.safetensors", safetensors("[".repeat(5000), new byte[0])));
    assertTrue(m.contains("nested"), m);
    byte[] len = new byte[16];
    ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).putLong(-7);
    m = failure("load_safetensors", write("neglen.safetensors", len));
    assertTrue(m.contains("bad header length"), m);
  }

  @Test void idxNegativeHugeAndTruncated() throws IOException {
    String m = failure("load_idx", write("neg.idx", idx(0x08, new int[] {-5, 2}, new byte[10])));
    assertTrue(m.contains("negative IDX dimension -5"), m);
    m = failure("load_idx", write("huge.idx", idx(0x0E, new int[] {2147483647, 2147483647, 2147483647}, new byte[10])));
    assertTrue(m.contains("more than 2^63"), m);
    m = failure("load_idx", write("short.idx", idx(0x0D, new int[] {1000, 1000}, new byte[10])));
    assertTrue(m.contains("truncated"), m);
    m = failure("load_idx", write("hdr.idx", new byte[] {0, 0, 8, 3, 0, 0}));
    assertTrue(m.contains("ends inside its header"), m);
  }

  @Test void niftiDimsOffsetsAndExtensions() throws IOException {
    String m = failure("load_nifti", write("neg.nii", nifti(new short[] {3, 4, -4, 4}, 352, 64)));
    assertTrue(m.contains("bad NIfTI dim"), m);
    m = failure("load_nifti", write("huge.nii", nifti(new short[] {7, 32767, 32767, 32767, 32767, 32767, 32767, 32767}, 352, 64)));
    assertTrue(m.contains("NIfTI"), m);
    m = failure("load_nifti", write("nan.nii", nifti(new short[] {3, 2, 2, 2}, Float.NaN, 32)));
    assertTrue(m.contains("vox_offset"), m);
    m = failure("load_nifti", write("far.nii", nifti(new short[] {3, 2, 2, 2}, 3e38f, 32)));
    assertTrue(m.contains("vox_offset"), m);
    m = failure("load_nifti", write("short.nii", nifti(new short[] {3, 100, 100, 100}, 352, 32)));
    assertTrue(m.contains("truncated"), m);
    // An extension whose size field would run past the header: skipped, the volume still loads.
    byte[] ext = nifti(new short[] {1, 1}, 368, 20);
    ByteBuffer b = ByteBuffer.wrap(ext).order(ByteOrder.LITTLE_ENDIAN);
    b.put(348, (byte) 1);
    b.putInt(352, Integer.MAX_VALUE);
    assertEquals(null, load("load_nifti", write("ext.nii", ext)));
  }

  @Test void imagesDeclaringHugeSizesAreRefusedBeforeDecoding() throws IOException {
    String m = failure("load_image", write("bomb.png", pngWithDeclaredSize(100000, 100000)));
    assertTrue(m.contains("too large"), m);
    m = failure("load_image", write("notimage.png", "hello".getBytes(StandardCharsets.UTF_8)));
    assertTrue(m.contains("not a PNG or JPEG"), m);
  }

  @Test void wrongMagicEverywhere() throws IOException {
    Path junk = write("junk.bin", "this is not any format at all, not even close".getBytes(StandardCharsets.UTF_8));
    for (String fn : new String[] {"load_npy", "load_npz", "load_safetensors", "load_idx", "load_nifti", "load_image"}) {
      failure(fn, junk);
    }
    Path empty = write("empty.bin", new byte[0]);
    for (String fn : new String[] {"load_npy", "load_npz", "load_safetensors", "load_idx", "load_nifti", "load_image"}) {
      failure(fn, empty);
    }
    load("load_csv", write("binary.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', ',', (byte) 0x80}));
  }

  // ------------------------------------------------------------------ corruption of valid files

  /** Valid files of every format, written by the tool itself, then truncated and corrupted at random. */
  @Test void truncatedAndCorruptedFilesFailCleanly() throws IOException {
    String d = dir.toString();
    t.eval("let x = tensor([[1.5, 2, 3], [4, 5, 6.25]], dtype: \"f32\")\n"
        + "save_npy(\"" + d + "/v.npy\", x)\n"
        + "save_npz(\"" + d + "/v.npz\", {a: x, b: tensor([1, 2])}, compress: true)\n"
        + "save_npz(\"" + d + "/s.npz\", {a: x})\n"
        + "save_safetensors(\"" + d + "/v.safetensors\", {a: x, b: tensor([7, 8])}, metadata: {k: 1})\n"
        + "save_nifti(\"" + d + "/v.nii\", tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]))\n"
        + "save_nifti(\"" + d + "/v.nii.gz\", tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]))\n"
        + "save_image(\"" + d + "/v.png\", tensor([[0, 255], [128, 64]]))\n"
        + "save_image(\"" + d + "/v.jpg\", tensor([[0, 255], [128, 64]]))\n"
        + "save_csv(\"" + d + "/v.csv\", {a: [1, 2], b: [3, 4]})");
    Files.write(dir.resolve("v.idx"), idx(0x0D, new int[] {2, 3}, new byte[24]));
    String[][] cases = {
      {"v.npy", "load_npy"}, {"v.npz", "load_npz"}, {"s.npz", "load_npz"}, {"v.safetensors", "load_safetensors"},
      {"v.idx", "load_idx"}, {"v.nii", "load_nifti"}, {"v.nii.gz", "load_nifti"}, {"v.png", "load_image"},
      {"v.jpg", "load_image"}, {"v.csv", "load_csv"}, {"v.idx", "dataset_idx"}, {"v.npy", "dataset_npy"}};
    SplittableRandom rnd = new SplittableRandom(20261208);
    int failures = 0;
    for (String[] c : cases) {
      byte[] valid = Files.readAllBytes(dir.resolve(c[0]));
      assertEquals(null, load(c[1], dir.resolve(c[0])), "the valid " + c[0] + " loads");
      String ext = c[0].substring(c[0].indexOf('.'));
      for (int k = 0; k < 12; k++) {
        int cut = k == 0 ? 0 : rnd.nextInt(valid.length);
        Path p = write("cut" + k + ext, Arrays.copyOf(valid, cut));
        if (load(c[1], p) != null) failures++;
      }
      for (int k = 0; k < 24; k++) {
        byte[] bad = valid.clone();
        int flips = 1 + rnd.nextInt(4);
        for (int f = 0; f < flips; f++) {
          int at = rnd.nextInt(Math.min(bad.length, 400));
          bad[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : (bad[at] ^ 0x80));
        }
        if (load(c[1], write("flip" + k + ext, bad)) != null) failures++;
      }
    }
    assertTrue(failures > 100, "the corruption reached the readers (" + failures + " files refused)");
  }

  @Test void npzMemberWithHostileHeader() throws IOException {
    Path p = dir.resolve("m.npz");
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
      z.putNextEntry(new java.util.zip.ZipEntry("w.npy"));
      z.write(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 3), }", new byte[0]));
      z.closeEntry();
    }
    String m = failure("load_npz", p);
    assertTrue(m.contains("member 'w'") && m.contains("negative dimension"), m);
  }

  @Test void datasetReadersCheckDeclaredSizes() throws IOException {
    String m = failure("dataset_npy", write("ovf.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 4), }", new byte[8])));
    assertTrue(m.contains("2^63"), m);
    TangentException e = assertThrows(TangentException.class, () -> t.eval("dataset_idx(\"" + dir.resolve("none.idx") + "\")"));
    assertClean(e);
  }
}
