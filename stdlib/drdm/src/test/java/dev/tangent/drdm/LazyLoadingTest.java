package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields and the sampler are pure Java: a fresh JVM (-verbose:class) that imports drdm, builds
 * fields, warps, composes, inverts, samples, saves and loads loads no class of DJL, ND4J or
 * JavaCPP (even for tensors of 65,536 elements and more, which the drdm kernels make in Java).
 * Importing drdm and reading its help loads no DJL class either; building a network does.
 */
class LazyLoadingTest {
  static String classesLoaded(Path dir, String script) throws Exception {
    Path file = dir.resolve("s.tg");
    Files.writeString(file, script);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), RunScript.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    return out;
  }

  @Test void fieldsAndTheSamplerLoadNoNativeBackEnd(@TempDir Path dir) throws Exception {
    String npz = dir.resolve("f.npz").toString(), nii = dir.resolve("f.nii.gz").toString();
    String out = classesLoaded(dir, "import drdm\n"
        + "let img = zeros(1, 1, 256, 256, dtype: \"f32\", device: \"java\")\n"
        + "let (phi, psi, it) = drdm.forward(img, 40, seed: 1)\n"
        + "let back = phi.inv()(it, mode: \"cubic\")\n"
        + "let c = phi * psi + phi.scale(0.5)\n"
        + "let j = c.jacdet()\n"
        + "phi.save(\"" + npz + "\")\nphi.save(\"" + nii + "\")\n"
        + "let r = drdm.load_field(\"" + nii + "\")\n"
        + "let v = drdm.forward(zeros(24, 24, 24), 10, seed: 2)[0]\n"
        + "print(back.shape, j.shape, r.batched, v.ndim, c.fold_rate() >= 0, drdm.interpolate(it, [64, 64]).shape)\n");
    assertTrue(out.contains("dev.tangent.drdm.field.kernel.BorderPlan "), "the sampler ran");
    assertTrue(out.contains("(1, 1, 256, 256) (1, 256, 256) true 3 true (1, 1, 64, 64)"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    List<String> heavy = out.lines().filter(l -> l.contains(" ai.djl.") || l.contains(" org.nd4j.") || l.contains(" org.bytedeco.")).limit(5).toList();
    assertTrue(heavy.isEmpty(), heavy.toString());
  }

  static boolean loadedDjl(String verbose) {
    return verbose.lines().anyMatch(l -> l.contains(" ai.djl."));
  }

  @Test void importingDrdmAndReadingItsHelpDoesNotLoadDjl(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import drdm\nlet f = drdm.network\nhelp(drdm)\nhelp(drdm.load_network)\n"
        + "let g = drdm.train\nhelp(drdm.sample)\nhelp(drdm.augment)\nhelp(drdm.synthesize_registration)\n"
        + "print(drdm.RecResACNet, 1 + 2)\n");
    assertTrue(out.contains("dev.tangent.drdm.NetworkExports "), "the exports were defined");
    assertTrue(out.contains("dev.tangent.drdm.TrainingExports "), "the training exports were defined");
    assertTrue(out.contains("RecResACNet 3"), "the script ran");
    assertFalse(loadedDjl(out), out.lines().filter(l -> l.contains("ai.djl")).limit(5).toList().toString());
    assertFalse(loadedSpark(out), "no Spark class");
  }

  /**
   * A class of Spark, of drdm's cluster package or of spark's driver was loaded. (The spark
   * module's TangentModule class itself is loaded by the ServiceLoader that finds modules, as every
   * module's is; it touches no Spark class.)
   */
  static boolean loadedSpark(String verbose) {
    return verbose.lines().anyMatch(l -> l.contains(" org.apache.spark.") || l.contains(" dev.tangent.drdm.cluster.")
        || l.contains(" dev.tangent.spark.driver.") || l.contains(" dev.tangent.spark.extend."));
  }

  @Test void buildingANetworkStartsTheEngineOffline(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import drdm\nlet net = drdm.network(2)\nprint(net.n_params)\n"
        + "print(drdm.augment(net, zeros(16, 16), levels: [2], out: \"" + dir.resolve("aug") + "\").written)\n");
    assertTrue(loadedDjl(out));
    assertTrue(out.contains("435435"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    assertTrue(out.lines().anyMatch(l -> l.trim().equals("1")), "augment ran: " + out.lines().filter(l -> !l.startsWith("[")).toList());
    assertFalse(loadedSpark(out), "augment without session: loads no Spark class (tangent-spark is optional)");
    assertTrue(out.lines().noneMatch(l -> l.contains("Downloading")));
  }
}
