package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run stopped mid-way (its JVM killed with destroyForcibly, or the script interrupted)
 * and resumed from its last checkpoint ends with exactly the weights, optimiser state and losses
 * of an uninterrupted run. The run uses dropout (random stream) and shuffling (data order).
 */
class CheckpointResumeTest {
  static final int TOTAL_STEPS = 3 * 125;

  static String script(Path ckpt, Path out) {
    return "import nn\nnn.seed(11)\n"
        + "let x = randn(2000, 64, seed: 1)\n"
        + "let y = (x[:, 0] + x[:, 1] > 0) + (x[:, 2] > 1)\n"
        + "let model = nn.sequential(nn.linear(64, 256), nn.relu(), nn.dropout(0.2), nn.linear(256, 256), nn.relu(), nn.linear(256, 3))\n"
        + "let r = nn.train(model, (x, y), \"cross_entropy\", nn.adamw(model, lr: 0.002), epochs: 3, batch_size: 16, seed: 5, "
        + (ckpt == null ? "" : "checkpoint: \"" + ckpt + "\", checkpoint_every: 5, ") + "progress: \"none\")\n"
        + "save_npy(\"" + out + ".history.npy\", tensor(r.history))\n"
        + "model.save(\"" + out + "\")\n";
  }

  static void run(Path file) {
    NnTesting n = new NnTesting();
    try {
      n.t.evalFile(file);
    } catch (java.io.IOException e) {
      throw new RuntimeException(e);
    }
  }

  static long checkpointStep(Path ckpt) {
    try {
      return Long.parseLong(SafeTensors.read(ckpt).metadata().get("step"));
    } catch (Exception e) {
      return -1;
    }
  }

  static void assertSameWeights(Path a, Path b) throws Exception {
    Map<String, NdArray> wa = SafeTensors.read(a).tensors();
    Map<String, NdArray> wb = SafeTensors.read(b).tensors();
    assertEquals(wa.keySet(), wb.keySet());
    for (String k : wa.keySet()) assertArrayEquals(wa.get(k).bytes(), wb.get(k).bytes(), "bit-for-bit: " + k);
  }

  @Test void resumesExactlyAfterTheProcessIsKilled(@TempDir Path dir) throws Exception {
    Path ref = dir.resolve("reference.safetensors");
    Path refScript = dir.resolve("reference.tg");
    Files.writeString(refScript, script(null, ref));
    run(refScript);

    Path ckpt = dir.resolve("run.ckpt.safetensors");
    Path out = dir.resolve("resumed.safetensors");
    Path childScript = dir.resolve("child.tg");
    Files.writeString(childScript, script(ckpt, out));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java));
    String threads = System.getProperty("ai.djl.pytorch.num_threads");
    if (threads != null) cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunScript.class.getName(), childScript.toString()));
    Process child = new ProcessBuilder(cmd)
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (checkpointStep(ckpt) < 40 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
    child.destroyForcibly().waitFor();
    long killedAt = checkpointStep(ckpt);
    assertTrue(killedAt >= 40 && killedAt < TOTAL_STEPS, "killed mid-run, last checkpoint at step " + killedAt
        + "; log: " + Files.readString(dir.resolve("child.log")));
    assertFalse(Files.exists(out), "the killed run must not have finished");

    run(childScript);
    assertSameWeights(ref, out);
    assertArrayEquals(Files.readAllBytes(Path.of(ref + ".history.npy")), Files.readAllBytes(Path.of(out + ".history.npy")));
    assertEquals((long) TOTAL_STEPS, checkpointStep(ckpt));
  }

  @Test void resumesExactlyAfterAnInterrupt(@TempDir Path dir) throws Exception {
    Path ref = dir.resolve("reference.safetensors");
    Path refScript = dir.resolve("reference.tg");
    Files.writeString(refScript, script(null, ref));
    run(refScript);

    Path ckpt = dir.resolve("run.ckpt.safetensors");
    Path out = dir.resolve("resumed.safetensors");
    Path script = dir.resolve("run.tg");
    Files.writeString(script, script(ckpt, out));
    NnTesting first = new NnTesting();
    Thread watcher = new Thread(() -> {
      while (checkpointStep(ckpt) < 30) Thread.onSpinWait();
      first.t.interrupt();
    });
    watcher.start();
    TangentException e = assertThrows(TangentException.class, () -> first.t.evalFile(script));
    watcher.join();
    assertTrue(e.format().contains("interrupted"), e.format());
    long stoppedAt = checkpointStep(ckpt);
    assertTrue(stoppedAt >= 30 && stoppedAt < TOTAL_STEPS, "stopped at " + stoppedAt);

    NnTesting second = new NnTesting();
    second.t.evalFile(script);
    assertTrue(second.out.toString().contains("train: resumed from step " + stoppedAt), second.out.toString());
    assertSameWeights(ref, out);
    assertArrayEquals(Files.readAllBytes(Path.of(ref + ".history.npy")), Files.readAllBytes(Path.of(out + ".history.npy")));
  }

  @Test void checkpointHoldsModelOptimiserAndProgress(@TempDir Path dir) throws Exception {
    Path ckpt = dir.resolve("c.safetensors");
    Path out = dir.resolve("w.safetensors");
    Path s = dir.resolve("s.tg");
    Files.writeString(s, script(ckpt, out));
    run(s);
    SafeTensors.File f = SafeTensors.read(ckpt);
    assertTrue(f.tensors().containsKey("model.0.weight"));
    assertTrue(f.tensors().containsKey("optim.0.weight.0"), "Adam's first moment");
    assertTrue(f.tensors().containsKey("optim.0.weight.1"), "Adam's second moment");
    for (String k : List.of("step", "epoch", "batch", "data_seed", "rng_seed", "rng_counter", "optim.steps")) {
      assertTrue(f.metadata().containsKey(k), k);
    }
    // No temporary files are left beside it.
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }
}
