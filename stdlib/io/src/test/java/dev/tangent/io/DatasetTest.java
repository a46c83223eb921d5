package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressSettings;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets: batching, seeded shuffles and splits, map, lazy IDX/.npy sources on Fashion-MNIST, progress. */
class DatasetTest {
  private final StringWriter err = new StringWriter();
  private final Tangent t = Tangent.builder().output(new StringWriter()).errors(err).permissions(Permissions.all()).build();

  private Object eval(String code) {
    return t.evalRaw(code);
  }

  /** The values of field 0 (first element of each row) in iteration order, from x = [[0], [1], ...]. */
  private List<Double> order(String dataset) {
    TList l = (TList) eval("var out = []\nfor (x, y) in " + dataset + " { out.push(y) }\nout");
    List<Double> out = new ArrayList<>();
    for (Object o : l.items) out.add((Double) o);
    return out;
  }

  private static final String TEN = "dataset(tensor([[0, 0], [1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [6, 60], [7, 70], [8, 80], [9, 90]]), tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))";

  @Test void iteratesSamplesAsTuples() {
    Tuple first = (Tuple) eval("var f = nil\nfor s in " + TEN + " { if f == nil { f = s } }\nf");
    assertArrayEquals(new double[] {0, 0}, ((Tensor) first.get(0)).toDoubleArray());
    assertEquals(0.0, first.get(1), "scalar fields of samples are numbers");
    assertEquals(10.0, eval("len(" + TEN + ")"));
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), order(TEN));
  }

  @Test void batchesStackFieldsAndKeepTheRemainder() {
    Tuple b = (Tuple) eval("var last = nil\nvar n = 0\nfor b in " + TEN + ".batch(4) { last = b\nn = n + 1 }\nlast");
    assertArrayEquals(new int[] {2, 2}, ((Tensor) b.get(0)).shape());
    assertArrayEquals(new double[] {8, 9}, ((Tensor) b.get(1)).toDoubleArray());
    assertEquals(3.0, eval("len(" + TEN + ".batch(4))"));
    assertEquals(2.0, eval("len(" + TEN + ".batch(4, drop_last: true))"));
    Tuple first = (Tuple) eval("var f = nil\nfor b in " + TEN + ".batch(4) { if f == nil { f = b } }\nf");
    assertArrayEquals(new int[] {4, 2}, ((Tensor) first.get(0)).shape());
    assertArrayEquals(new double[] {0, 0, 1, 10, 2, 20, 3, 30}, ((Tensor) first.get(0)).toDoubleArray());
  }

  @Test void sameSeedSameOrder() {
    List<Double> a = order(TEN + ".shuffle(7)");
    List<Double> b = order(TEN + ".shuffle(7)");
    List<Double> c = order(TEN + ".shuffle(8)");
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertNotEquals(order(TEN), a, "shuffled");
    assertEquals(Set.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), new HashSet<>(a), "a permutation");
  }

  @Test void epochsReshuffleReproducibly() {
    TList runs = (TList) eval("fn epochs(ds) {\n var all = []\n for e in 0..3 { var o = []\n for (x, y) in ds { o.push(y) }\n all.push(o) }\n all\n}\n"
        + "[epochs(" + TEN + ".shuffle(3)), epochs(" + TEN + ".shuffle(3)), epochs(" + TEN + ".shuffle(3, reshuffle: false))]");
    TList a = (TList) runs.items.get(0), b = (TList) runs.items.get(1), fixed = (TList) runs.items.get(2);
    assertEquals(a, b, "the same seed repeats the sequence of epochs");
    assertNotEquals(a.items.get(0), a.items.get(1), "each epoch has its own order");
    assertEquals(fixed.items.get(0), fixed.items.get(2));
  }

  @Test void mapOnSamplesAndOnBatches() {
    assertEquals(List.of(0.0, 2.0, 4.0), order(TEN + ".map((x, y) => (x, y * 2)).take(3)"));
    Tuple b = (Tuple) eval("var f = nil\nfor b in " + TEN + ".batch(5).map((x, y) => (x.sum(), y + 100)) { if f == nil { f = b } }\nf");
    assertEquals(0.0 + 1 + 10 + 2 + 20 + 3 + 30 + 4 + 40, b.get(0));
    assertArrayEquals(new double[] {100, 101, 102, 103, 104}, ((Tensor) b.get(1)).toDoubleArray());
  }

  @Test void splitsAreDisjointAndComplete() {
    Tuple parts = (Tuple) eval("let (a, b) = " + TEN + ".split(0.7, seed: 1)\n(len(a), len(b))");
    assertEquals(7.0, parts.get(0));
    assertEquals(3.0, parts.get(1));
    List<Double> a = order(TEN + ".split(0.7, seed: 1)[0]");
    List<Double> b = order(TEN + ".split(0.7, seed: 1)[1]");
    Set<Double> all = new HashSet<>(a);
    all.addAll(b);
    assertEquals(10, all.size());
    assertEquals(a, order(TEN + ".split(0.7, seed: 1)[0]"), "seeded splits repeat");
    assertNotEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0), a);
    assertEquals(List.of(0.0, 1.0, 2.0), order(TEN + ".split(3)[0]"));
    assertEquals(List.of(8.0, 9.0), order(TEN + ".skip(8)"));
  }

  @Test void fashionMnistStreamsFromDebiansGzippedFiles() throws Exception {
    String img = DebianData.fashionMnist("train-images-idx3-ubyte.gz").toString();
    String lab = DebianData.fashionMnist("train-labels-idx1-ubyte.gz").toString();
    eval("let ds = dataset_idx(\"" + img + "\", \"" + lab + "\")");
    assertEquals(60000.0, eval("len(ds)"));
    assertEquals(469.0, eval("len(ds.batch(128))"));
    // Zalando's README: 60,000 training images, 6,000 of each of the 10 classes
    TList counts = (TList) eval("var c = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\nvar n = 0\n"
        + "for (x, y) in ds.batch(1000) { n = n + x.shape[0]\nfor v in y.tolist() { c[v] = c[v] + 1 } }\nc");
    for (Object c : counts.items) assertEquals(6000.0, c);
    Tuple first = (Tuple) eval("var f = nil\nfor b in ds.batch(128) { if f == nil { f = b } }\nf");
    Tensor x = (Tensor) first.get(0);
    assertArrayEquals(new int[] {128, 28, 28}, x.shape());
    byte[] head;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(img)))) {
      head = in.readNBytes(16 + 128 * 784);
    }
    double[] batch = x.toDoubleArray();
    for (int i = 0; i < batch.length; i++) assertEquals(head[16 + i] & 0xff, batch[i], "pixel " + i);
    Tensor norm = (Tensor) eval("var g = nil\nfor (x, y) in dataset_idx(\"" + img + "\", \"" + lab + "\", normalize: true).batch(2) { if g == nil { g = x } }\ng");
    assertEquals("f32", norm.dtype());
    assertEquals((head[16 + 300] & 0xff) / 255.0, norm.toDoubleArray()[300], 1e-6);
  }

  @Test void uncompressedFilesShuffleLikeMemory(@TempDir Path dir) throws Exception {
    Path img = dir.resolve("t10k-images-idx3-ubyte"), lab = dir.resolve("t10k-labels-idx1-ubyte");
    gunzip(DebianData.fashionMnist("t10k-images-idx3-ubyte.gz"), img);
    gunzip(DebianData.fashionMnist("t10k-labels-idx1-ubyte.gz"), lab);
    eval("let lazy = dataset_idx(\"" + img + "\", \"" + lab + "\")\n"
        + "let mem = dataset(load_idx(\"" + img + "\"), load_idx(\"" + lab + "\"))");
    assertTrue(eval("str(lazy)").toString().contains("idx(t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)"));
    List<Double> a = order("lazy.shuffle(11).take(500)"), b = order("mem.shuffle(11).take(500)");
    assertEquals(a, b, "a file read by position is permuted exactly like the same data in memory");
    TList counts = (TList) eval("var c = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\nfor (x, y) in lazy.batch(500) { for v in y.tolist() { c[v] = c[v] + 1 } }\nc");
    for (Object c : counts.items) assertEquals(1000.0, c, "the test set has 1,000 of each class");
    Tuple parts = (Tuple) eval("let (tr, va) = lazy.split(0.9, seed: 5)\n(len(tr), len(va))");
    assertEquals(9000.0, parts.get(0));
  }

  @Test void gzipStreamsShuffleThroughABuffer() {
    String lab = DebianData.fashionMnist("t10k-labels-idx1-ubyte.gz").toString();
    eval("let s = dataset_idx(\"" + lab + "\")");
    TList a = (TList) eval("var o = []\nfor y in s.shuffle(2, buffer: 100) { o.push(y) }\no");
    TList b = (TList) eval("var o = []\nfor y in s.shuffle(2, buffer: 100) { o.push(y) }\no");
    TList plain = (TList) eval("var o = []\nfor y in s { o.push(y) }\no");
    assertEquals(a, b);
    assertEquals(10000, a.items.size());
    assertNotEquals(plain, a);
    List<Object> sa = new ArrayList<>(a.items), sp = new ArrayList<>(plain.items);
    sa.sort(null);
    sp.sort(null);
    assertEquals(sp, sa, "the same labels, reordered");
    TangentException e = assertThrows(TangentException.class, () -> eval("s.split(0.5, seed: 1)"));
    assertTrue(e.format().contains("a seeded split needs random access"), e.format());
  }

  @Test void npyFilesAreReadByRows(@TempDir Path dir) {
    String x = dir.resolve("x.npy").toString(), y = dir.resolve("y.npy").toString();
    eval("save_npy(\"" + x + "\", tensor([[1.5, 2.5], [3.5, 4.5], [5.5, 6.5]]), dtype: \"f32\")\n"
        + "save_npy(\"" + y + "\", tensor([7, 8, 9]))");
    Tuple b = (Tuple) eval("var f = nil\nfor b in dataset_npy(\"" + x + "\", \"" + y + "\").batch(2) { if f == nil { f = b } }\nf");
    assertEquals("f32", ((Tensor) b.get(0)).dtype());
    assertArrayEquals(new double[] {1.5, 2.5, 3.5, 4.5}, ((Tensor) b.get(0)).toDoubleArray());
    assertArrayEquals(new double[] {7, 8}, ((Tensor) b.get(1)).toDoubleArray());
    String be = Path.of("src/test/resources/arrays/f32_be.npy").toAbsolutePath().toString();
    assertEquals(List.of(-1.5, -1.25, -1.0, -0.75), ((TList) eval("var o = []\nfor v in dataset_npy(\"" + be + "\") { o.push(v) }\no")).items,
        "big-endian rows are swapped");
  }

  @Test void longPassesShowProgress() {
    ProgressSettings s = Progress.settings(t.interpreter().context());
    s.mode = Progress.Mode.PLAIN;
    s.printer = null;
    s.showAfter = Duration.ZERO;
    s.plainInterval = Duration.ofHours(1);
    eval("for b in " + TEN + ".batch(2) { }");
    String[] lines = err.toString().split("\\R");
    assertEquals(5, lines.length, err.toString());
    assertTrue(lines[4].startsWith("batches: 5/5 (100%), done in"), lines[4]);
    s.showAfter = Duration.ofHours(1);
    eval("for b in " + TEN + ".batch(2) { }");
    assertEquals(5, err.toString().split("\\R").length, "short passes stay quiet");
  }

  @Test void clearErrors(@TempDir Path dir) throws Exception {
    String img = DebianData.fashionMnist("t10k-images-idx3-ubyte.gz").toString();
    String lab = DebianData.fashionMnist("train-labels-idx1-ubyte.gz").toString();
    assertMessage("dataset_idx(\"" + img + "\", \"" + lab + "\")", "t10k-images-idx3-ubyte.gz has 10000 items but train-labels-idx1-ubyte.gz has 60000");
    assertMessage("dataset(tensor([1, 2]), tensor([1, 2, 3]))", "argument 2 has 3 samples, the first has 2");
    assertMessage(TEN + ".batch(0)", "size must be at least 1");
    Path cut = dir.resolve("cut-ubyte.gz");
    byte[] g = Files.readAllBytes(Path.of(img));
    Files.write(cut, java.util.Arrays.copyOf(g, 20000));
    TangentException e = assertThrows(TangentException.class, () -> eval("for x in dataset_idx(\"" + cut + "\") { }"));
    assertTrue(e.format().contains("dataset_idx(): " + cut + ":"), e.format());
    assertTrue(!e.format().contains("\tat "), e.format());
    Tangent sandboxed = Tangent.builder().output(new StringWriter()).permissions(Permissions.none()).build();
    e = assertThrows(TangentException.class, () -> sandboxed.eval("dataset_idx(\"" + img + "\")"));
    assertTrue(e.format().contains("permission denied: reading"), e.format());
  }

  private void assertMessage(String code, String expected) {
    TangentException e = assertThrows(TangentException.class, () -> eval(code));
    assertTrue(e.format().contains(expected), e.format());
  }

  private static void gunzip(Path from, Path to) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(from))) {
      Files.write(to, in.readAllBytes());
    }
  }
}
