package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npy;
import dev.tangent.io.array.Npz;
import dev.tangent.io.array.SafeTensors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codecs against files NumPy wrote (see make_fixtures.py for the formulas) and round trips. */
class ArrayFilesTest {
  static Path fixture(String name) {
    return Path.of("src/test/resources/arrays", name);
  }

  static NdArray npy(String name) throws IOException {
    try (InputStream in = Files.newInputStream(fixture(name))) {
      return Npy.read(in);
    }
  }

  static double[] floats(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = i * 0.25 - 1.5;
    return d;
  }

  @Test void readsLittleEndianF64() throws IOException {
    NdArray a = npy("f64_le.npy");
    assertEquals(DType.F64, a.dtype);
    assertArrayEquals(new int[] {2, 3}, a.shape);
    assertArrayEquals(floats(6), a.toDoubles());
  }

  @Test void readsBigEndianF32AndI32() throws IOException {
    NdArray a = npy("f32_be.npy");
    assertEquals(DType.F32, a.dtype);
    assertArrayEquals(floats(4), a.toDoubles());
    NdArray b = npy("i32_be.npy");
    assertArrayEquals(new long[] {-3, -2, -1, 0, 1}, b.toLongs());
  }

  @Test void readsIntegersBytesAndBools() throws IOException {
    assertArrayEquals(new long[] {-3, -2, -1, 0, 1, 2}, npy("i64_le.npy").toLongs());
    NdArray u8 = npy("u8.npy");
    assertEquals(DType.U8, u8.dtype);
    assertArrayEquals(new int[] {20, 15}, u8.shape);
    double[] d = u8.toDoubles();
    for (int i = 0; i < 300; i++) assertEquals(i % 251, d[i]);
    NdArray b = npy("bool.npy");
    assertEquals(DType.BOOL, b.dtype);
    double[] bv = b.toDoubles();
    for (int i = 0; i < 7; i++) assertEquals(i % 3 == 0 ? 1.0 : 0.0, bv[i]);
  }

  @Test void convertsFortranOrderToCOrder() throws IOException {
    NdArray a = npy("f64_fortran.npy");
    assertArrayEquals(new int[] {2, 3, 4}, a.shape);
    assertArrayEquals(floats(24), a.toDoubles(), "C-order values, as NumPy's a.ravel() gives");
  }

  @Test void readsZeroDimensionalArrays() throws IOException {
    NdArray a = npy("scalar.npy");
    assertEquals(0, a.shape.length);
    assertArrayEquals(new double[] {2.5}, a.toDoubles());
  }

  @Test void readsStoredAndCompressedNpz() throws IOException {
    Map<String, NdArray> plain = Npz.read(fixture("plain.npz"));
    assertEquals(java.util.List.of("a", "b"), new java.util.ArrayList<>(plain.keySet()));
    assertArrayEquals(floats(4), plain.get("a").toDoubles());
    assertArrayEquals(new long[] {-3, -2, -1}, plain.get("b").toLongs());
    Map<String, NdArray> comp = Npz.read(fixture("compressed.npz"));
    assertArrayEquals(floats(100), comp.get("x").toDoubles());
    assertArrayEquals(new double[] {1, 0, 1}, comp.get("flag").toDoubles());
  }

  @Test void readsSafetensorsWrittenFromTheSpec() throws IOException {
    SafeTensors.File f = SafeTensors.read(fixture("small.safetensors"));
    assertEquals("pt", f.metadata().get("format"));
    assertArrayEquals(new int[] {2, 3}, f.tensors().get("w").shape);
    assertArrayEquals(floats(6), f.tensors().get("w").toDoubles());
    assertArrayEquals(new long[] {-3, -2, -1, 0}, f.tensors().get("idx").toLongs());
  }

  @Test void readsGzippedAndPlainIdx() throws IOException {
    NdArray imgs = dev.tangent.io.array.Idx.read(fixture("images.idx3-ubyte.gz"));
    assertEquals(DType.U8, imgs.dtype);
    assertArrayEquals(new int[] {3, 4, 5}, imgs.shape);
    double[] d = imgs.toDoubles();
    for (int i = 0; i < 60; i++) assertEquals(i * 7 % 256, d[i]);
    NdArray f = dev.tangent.io.array.Idx.read(fixture("floats.idx1"));
    assertArrayEquals(floats(4), f.toDoubles());
  }

  @Test void readsTheRealModularAdditionModel() throws IOException {
    Map<String, NdArray> m = Npz.read(Path.of("../../testdata/modadd-p113-seed0.npz"));
    assertEquals(16, m.size());
    assertArrayEquals(new int[] {114, 128}, m.get("embed.W_E").shape);
    assertArrayEquals(new int[] {4, 128, 32}, m.get("blocks.0.attn.W_Q").shape);
    // Values printed by NumPy from the same file.
    assertEquals(-0.16825226f, m.get("embed.W_E").toFloats()[5 * 128 + 7]);
    assertEquals(0.04123604f, m.get("blocks.0.attn.W_Q").toFloats()[(2 * 128 + 100) * 32 + 31]);
    assertEquals(-0.0011516726f, m.get("unembed.b_U").toFloats()[113]);
    double sum = 0;
    for (float v : m.get("blocks.0.mlp.W_in").toFloats()) sum += v;
    assertEquals(22.695753695380034, sum, 1e-9);
  }

  @Test void roundTripsEveryWritableDtype(@TempDir Path dir) throws IOException {
    Map<String, NdArray> arrays = new LinkedHashMap<>();
    arrays.put("f64", NdArray.ofDoubles(new int[] {2, 2}, new double[] {1e-300, -0.0, Math.PI, Double.NaN}));
    arrays.put("f32", NdArray.ofFloats(new int[] {3}, new float[] {1.5f, -2f, Float.MAX_VALUE}));
    arrays.put("i64", NdArray.ofLongs(new int[] {2}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
    arrays.put("u8", NdArray.ofBytes(DType.U8, new int[] {2}, new byte[] {0, (byte) 255}));
    arrays.put("bool", NdArray.ofBytes(DType.BOOL, new int[] {1, 2}, new byte[] {1, 0}));
    for (boolean compress : new boolean[] {false, true}) {
      Path p = dir.resolve("rt" + compress + ".npz");
      Npz.write(p, arrays, compress);
      Map<String, NdArray> back = Npz.read(p);
      for (String k : arrays.keySet()) {
        assertEquals(arrays.get(k).dtype, back.get(k).dtype, k);
        assertArrayEquals(arrays.get(k).shape, back.get(k).shape, k);
        assertArrayEquals(arrays.get(k).bytes(), back.get(k).bytes(), k);
      }
    }
    Path st = dir.resolve("rt.safetensors");
    arrays.remove("u8");
    SafeTensors.write(st, arrays, Map.of("who", "test"));
    SafeTensors.File back = SafeTensors.read(st);
    assertEquals("test", back.metadata().get("who"));
    for (String k : arrays.keySet()) assertArrayEquals(arrays.get(k).bytes(), back.tensors().get(k).bytes(), k);
  }

  @Test void npyHeaderIsPaddedToSixtyFourBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, NdArray.ofDoubles(new int[] {3}, new double[] {1, 2, 3}));
    byte[] b = out.toByteArray();
    assertEquals(0, (b.length - 24) % 64, "header + preamble is a multiple of 64 as NumPy requires");
    assertTrue(new String(b, 10, 60).contains("'shape': (3,)"));
  }

  @Test void rejectsBadFilesWithReasons() {
    ArrayFormatException e = assertThrows(ArrayFormatException.class, () -> Npy.read(new ByteArrayInputStream("hello world".getBytes())));
    assertTrue(e.getMessage().contains("not a .npy file"));
    byte[] ok;
    try {
      ok = Files.readAllBytes(fixture("f64_le.npy"));
    } catch (IOException ex) {
      throw new RuntimeException(ex);
    }
    byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 5);
    e = assertThrows(ArrayFormatException.class, () -> Npy.read(new ByteArrayInputStream(truncated)));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test void readsBigEndianEightByteElements() throws IOException {
    NdArray f = npy("f64_be.npy");
    assertEquals(DType.F64, f.dtype);
    assertArrayEquals(new int[] {3, 2}, f.shape);
    assertArrayEquals(floats(6), f.toDoubles());
    assertArrayEquals(new long[] {-3, -2, -1, 0}, npy("i64_be.npy").toLongs());
  }

  /** The writer must produce byte for byte what np.save produced for the same arrays. */
  @Test void writesExactlyWhatNumpyWrites() throws IOException {
    long[] ints = {-3, -2, -1, 0, 1, 2};
    byte[] u8 = new byte[12];
    for (int i = 0; i < 12; i++) u8[i] = (byte) (i % 251);
    byte[] bool = new byte[7];
    for (int i = 0; i < 7; i++) bool[i] = (byte) (i % 3 == 0 ? 1 : 0);
    float[] f32 = new float[5];
    for (int i = 0; i < 5; i++) f32[i] = (float) floats(5)[i];
    Map<String, NdArray> cases = new LinkedHashMap<>();
    cases.put("np_f64.npy", NdArray.ofDoubles(new int[] {2, 3}, floats(6)));
    cases.put("np_f32.npy", NdArray.ofFloats(new int[] {5}, f32));
    cases.put("np_i64.npy", NdArray.ofLongs(new int[] {2, 3}, ints));
    cases.put("np_u8.npy", NdArray.ofBytes(DType.U8, new int[] {3, 2, 2}, u8));
    cases.put("np_bool.npy", NdArray.ofBytes(DType.BOOL, new int[] {7}, bool));
    for (Map.Entry<String, NdArray> c : cases.entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Npy.write(out, c.getValue());
      assertArrayEquals(Files.readAllBytes(fixture(c.getKey())), out.toByteArray(), c.getKey());
    }
  }

  @Test void plainNpzStoresMembersAsNumpyDoes(@TempDir Path dir) throws IOException {
    Map<String, NdArray> arrays = Map.of("a", NdArray.ofDoubles(new int[] {2}, new double[] {1, 2}));
    for (boolean compress : new boolean[] {false, true}) {
      Path p = dir.resolve("m" + compress + ".npz");
      Npz.write(p, arrays, compress);
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
        assertEquals(compress ? java.util.zip.ZipEntry.DEFLATED : java.util.zip.ZipEntry.STORED, z.getEntry("a.npy").getMethod());
      }
      assertArrayEquals(new double[] {1, 2}, Npz.read(p).get("a").toDoubles());
    }
  }
}
