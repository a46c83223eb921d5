package dev.tangent.drdm.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.DrdmTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drdm.augment and drdm.synthesize_registration with session: s (local[2]) write the same files,
 * byte for byte, as the one-machine calls with the same seeds (each output's randomness is its own
 * (seed, i, k), whatever the partitioning); a rerun skips every image and rewrites nothing; a lost
 * file is redone alone; the network is built once per executor core, not once per image.
 */
class ClusterSynthesisTest {
  static DrdmTesting d;

  @BeforeAll static void session() {
    d = new DrdmTesting();
    d.eval("import spark\nlet s = spark.session(master: \"local[2]\", app: \"drdm-tests\")\n"
        + "let net = drdm.network(2, seed: 0)\n"
        + "let imgs = drdm.interpolate(randn(5, 1, 8, 8, seed: 4), [16, 16]).reshape(5, 16, 16)\n"
        + "let labels = (imgs > 0).astype(\"f32\") + (imgs > 1).astype(\"f32\")");
  }

  @AfterAll static void stop() {
    d.eval("s.stop()");
  }

  /** Every file under a folder by its relative path, with its bytes. */
  static Map<String, byte[]> files(Path root) throws Exception {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
    }
    return m;
  }

  static Map<String, FileTime> times(Path root) throws Exception {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
    }
    return m;
  }

  static void assertSameFiles(Path one, Path many, int expected) throws Exception {
    Map<String, byte[]> a = files(one), b = files(many);
    assertEquals(expected, a.size(), a.keySet().toString());
    assertEquals(a.keySet(), b.keySet(), "the same outputs, no temporary files");
    for (String k : a.keySet()) {
      if (k.endsWith(".npz")) assertTrue(entries(a.get(k)).equals(entries(b.get(k))), k + "'s arrays differ between one machine and local[2]");
      else assertArrayEquals(a.get(k), b.get(k), k + " differs between one machine and local[2]");
    }
  }

  /**
   * An .npz's arrays: each entry's name and bytes as hex (a zip's headers carry the time it was
   * written, so two equal archives differ in those bytes only).
   */
  static Map<String, String> entries(byte[] npz) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(npz))) {
      for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) m.put(e.getName(), java.util.HexFormat.of().formatHex(z.readAllBytes()));
    }
    assertTrue(!m.isEmpty());
    return m;
  }

  @Test void augmentOnASessionWritesTheOneMachineFilesAndARerunSkipsEveryImage(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one"), many = dir.resolve("many");
    String args = "net, imgs, labels, levels: [3, 5], per_image: 2, seed: 7, out: ";
    int loadsBefore = ExecutorNets.loads();
    d.eval("let a1 = drdm.augment(" + args + "\"" + one + "\")\n"
        + "let a2 = drdm.augment(" + args + "\"" + many + "\", session: s)");
    assertEquals(10.0, d.num("a2.written"));
    assertEquals(0.0, d.num("a2.skipped"));
    assertSameFiles(one, many, 30);
    int loads = ExecutorNets.loads();
    // One build per executor task thread, not per image. Spark's executor pool usually runs the
    // five tasks on its two core threads, but may start a fresh thread for a task (3 builds were
    // seen on a loaded machine), so the bound is "fewer than the images".
    assertTrue(loads - loadsBefore < 5, "the network built once per task thread, not per image: " + (loads - loadsBefore));

    Map<String, FileTime> before = times(many);
    d.eval("let again = drdm.augment(" + args + "\"" + many + "\", session: s)");
    assertEquals(0.0, d.num("again.written"));
    assertEquals(10.0, d.num("again.skipped"));
    assertEquals(before, times(many), "a rerun rewrites nothing");
    assertEquals(loads, ExecutorNets.loads(), "a rerun of finished images builds no network");

    Path lost = many.resolve("labels/image_0003_aug001_t05.nii.gz");
    Files.delete(lost);
    d.eval("let third = drdm.augment(" + args + "\"" + many + "\", session: s)");
    assertEquals(1.0, d.num("third.written"));
    assertEquals(9.0, d.num("third.skipped"));
    assertSameFiles(one, many, 30);
  }

  @Test void registrationOnASessionWritesTheOneMachineFiles(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one"), many = dir.resolve("many");
    String args = "net, imgs[0:3], levels: [[2, 4]], per_image: 1, seed: 3, format: \"png\", out: ";
    d.eval("let r1 = drdm.synthesize_registration(" + args + "\"" + one + "\")\n"
        + "let r2 = drdm.synthesize_registration(" + args + "\"" + many + "\", session: s)");
    assertEquals(3.0, d.num("r2.written"));
    assertSameFiles(one, many, 9);
    assertEquals(3.0, d.num("drdm.synthesize_registration(" + args + "\"" + many + "\", session: s).skipped"));
  }

  @Test void aSessionMustBeASparkSession(@TempDir Path dir) {
    String e = d.error("drdm.augment(net, imgs, out: \"" + dir + "\", session: 3)");
    assertTrue(e.contains("augment(): session: must be a spark Session (spark.session(...)), got Number"), e);
    List<String> none = List.of();
    assertEquals(none, files(dir, "images"), "nothing made");
  }

  static List<String> files(Path dir, String sub) {
    try (Stream<Path> s = Files.list(dir.resolve(sub))) {
      return s.map(p -> p.getFileName().toString()).toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
