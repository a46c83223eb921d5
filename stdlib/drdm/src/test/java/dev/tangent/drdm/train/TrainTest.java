package dev.tangent.drdm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.RunScript;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.net.loss.RecoveryLoss;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.io.array.SafeTensors;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drdm.train: a short run lowers the loss on batches it never saw, a resumed run ends with the
 * weights of the uninterrupted one, and a run killed with SIGKILL in a child JVM resumes from a
 * whole checkpoint that holds every step it had finished.
 */
class TrainTest {
  final DrdmTesting d = new DrdmTesting();

  /** Eight smooth 32 x 32 images (blobs), as training data. */
  static final String DATA = "let imgs = drdm.interpolate(randn(8, 1, 8, 8, seed: 21), [32, 32]).reshape(8, 32, 32)\n";

  /** The mean loss of the network on the batches of steps 10000..10000+n (never trained on). */
  double heldOutLoss(RecResACNet net, DrdmTrainer.Spec spec, int n) {
    Session s = d.session();
    NDManager m = s.manager();
    Grid g = Grid.of(spec.size, "test");
    double sum = 0;
    for (int k = 0; k < n; k++) {
      DrdmTrainer.Batch b = DrdmTrainer.batch(spec, g, 10_000 + k, null);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray x = m.create(b.images(), new Shape(spec.batch, 1, 32, 32));
        NDArray t = m.create(b.t(), new Shape(spec.batch));
        NDArray target = m.create(b.target(), new Shape(spec.batch, 2, 32, 32));
        NDArray pred = Grad.noGrad(() -> net.forward(new Forward(s, false), x, t, 2, null));
        sum += RecoveryLoss.compute(pred, target, Padding.ZEROS, spec.weights, false).total().toType(DataType.FLOAT64, false).getDouble();
      }
    }
    return sum / n;
  }

  @Test void aShortRunLowersTheLossOnUnseenBatches() {
    d.eval(DATA + "let net = drdm.network(2, seed: 0)");
    RecResACNet net = (RecResACNet) d.eval("net");
    DrdmTrainer.Spec spec = new DrdmTrainer.Spec();
    spec.net = net;
    spec.images = dev.tangent.drdm.data.ImageSet.of(d.eval("imgs"), 2, d.t.interpreter().context(), "test");
    spec.size = new int[] {32, 32};
    spec.batch = 2;
    spec.seed = 5;
    double before = heldOutLoss(net, spec, 8);
    TMap r = (TMap) d.eval("drdm.train(net, imgs, steps: 40, batch: 2, lr: 1e-3, seed: 5, progress: \"none\")");
    double after = heldOutLoss(net, spec, 8);
    System.out.println("held-out loss before " + before + ", after 40 steps " + after);
    assertEquals(40.0, r.get("steps"));
    assertEquals(40, ((TList) r.get("history")).items.size());
    assertTrue(after < 0.5 * before, "the loss falls: " + before + " -> " + after);
  }

  /** progress: "lines" prints the bar as lines on the error stream, with the loss and steps/s. */
  @Test void theProgressBarShowsLossAndSpeed() {
    java.io.StringWriter err = new java.io.StringWriter();
    dev.tangent.api.Tangent t = dev.tangent.api.Tangent.builder().output(new java.io.StringWriter()).errors(err)
        .permissions(dev.tangent.spi.Permissions.all()).importModule("nn").importModule("drdm").build();
    t.evalRaw("let imgs = drdm.interpolate(randn(2, 1, 4, 4, seed: 3), [16, 16]).reshape(2, 16, 16)\n"
        + "let r = drdm.train(drdm.network(2, seed: 0), imgs, steps: 10, seed: 1, progress: \"lines\")");
    String[] lines = err.toString().split("\\R");
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("drdm\\.train: (\\d+)/10 .*loss (\\d+\\.\\d+) +(\\d+\\.\\d+) steps/s.*");
    int seen = 0;
    for (String l : lines) {
      java.util.regex.Matcher m = p.matcher(l);
      if (!m.matches()) continue;
      seen++;
      assertTrue(Double.parseDouble(m.group(2)) > 0 && Double.parseDouble(m.group(3)) > 0, l);
    }
    assertTrue(seen >= 2, "progress lines with the loss and steps/s:\n" + err);
    assertTrue(lines[lines.length - 1].startsWith("drdm.train: 10/10"), err.toString());
  }

  static double[] weights(RecResACNet net) {
    int n = 0;
    for (DTensor p : net.stateDict().values()) n += (int) p.shape().size();
    double[] all = new double[n];
    int at = 0;
    for (DTensor p : net.stateDict().values()) {
      double[] v = p.nd().toType(DataType.FLOAT64, false).toDoubleArray();
      System.arraycopy(v, 0, all, at, v.length);
      at += v.length;
    }
    return all;
  }

  @Test void aResumedRunEndsWhereTheUninterruptedOneDoes(@TempDir Path dir) {
    String ck = dir.resolve("ck").toString() + "/";
    d.eval(DATA + "let a = drdm.network(2, seed: 0)\nlet ra = drdm.train(a, imgs, steps: 6, batch: 2, seed: 9, progress: \"none\")\n"
        + "let b = drdm.network(2, seed: 0)\n"
        + "let rb1 = drdm.train(b, imgs, steps: 3, batch: 2, seed: 9, checkpoint: \"" + ck + "\", progress: \"none\")\n"
        + "let c = drdm.network(2, seed: 0)\n"
        + "let rb2 = drdm.train(c, imgs, steps: 6, batch: 2, seed: 9, checkpoint: \"" + ck + "\", progress: \"none\")");
    assertEquals(3.0, d.num("rb2.resumed_from"));
    assertEquals(d.eval("str(ra.history)"), d.eval("str(rb2.history)"), "the same losses, the first three from the checkpoint");
    double diff = DrdmTesting.maxAbsDiff(weights((RecResACNet) d.eval("a")), weights((RecResACNet) d.eval("c")));
    assertEquals(0, diff, 1e-6, "the same weights");
    assertTrue(Files.isRegularFile(dir.resolve("ck/drdm-train.safetensors")));
    assertTrue(Files.isRegularFile(dir.resolve("ck/loss.png")), "the loss curve");
    // A checkpoint of another run is refused with a clear message.
    String e = d.error("drdm.train(c, imgs, steps: 8, batch: 1, seed: 9, checkpoint: \"" + ck + "\", progress: \"none\")");
    assertTrue(e.contains("was written with seed 9, batch 2"), e);
  }

  static long checkpointStep(Path p) {
    try {
      return Long.parseLong(SafeTensors.read(p).metadata().get("drdm.step"));
    } catch (Exception e) {
      return -1;
    }
  }

  @Test void killDashNineLosesNoFinishedStep(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    Path file = ck.resolve("drdm-train.safetensors");
    Path script = dir.resolve("train.drdm");
    String train = "drdm.train(net, imgs, steps: %d, batch: 1, seed: 4, checkpoint: \"" + ck + "/\", progress: \"none\")";
    Files.writeString(script, DATA.replace("32, 32]", "16, 16]").replace("8, 32, 32", "8, 16, 16")
        + "let net = drdm.network(2, seed: 0)\n" + String.format(train, 100000) + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunScript.class.getName(), script.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long seen = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (seen < 4 && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(50);
      seen = Math.max(seen, checkpointStep(file));
    }
    assertTrue(p.isAlive(), "the child still trains: " + Files.readString(dir.resolve("child.log")));
    p.destroyForcibly();   // SIGKILL
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(seen >= 4, "checkpoints appeared: " + seen);
    long saved = checkpointStep(file);
    assertTrue(saved >= seen, "the checkpoint after the kill is whole and holds every step seen finished: " + saved + " >= " + seen);
    // Resume here for two more steps: from the killed run's last step, with its losses.
    long total = saved + 2;
    d.eval(DATA.replace("32, 32]", "16, 16]").replace("8, 32, 32", "8, 16, 16") + "let net = drdm.network(2, seed: 0)\n"
        + "let r = " + String.format(train, total));
    assertEquals((double) saved, d.num("r.resumed_from"));
    assertEquals((double) total, d.num("r.steps"));
    String[] before = SafeTensors.read(file).metadata().get("drdm.losses").split(",");
    assertEquals(total, before.length, "the checkpoint now holds every step's loss");
    assertEquals((double) total, d.num("len(r.history)"));
    // (Bit-for-bit equality with an uninterrupted run holds only for short runs: libtorch's CPU
    // kernels are not bitwise reproducible run to run; aResumedRunEndsWhereTheUninterruptedOneDoes.)
  }
}
