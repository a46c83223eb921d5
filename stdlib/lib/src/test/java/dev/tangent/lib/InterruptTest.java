package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ctrl-C (Tangent.interrupt) stops a long build at its next batch, with or without a progress bar and threads. */
class InterruptTest {
  static void interrupts(String options) throws Exception {
    LibTesting n = new LibTesting();
    n.eval("let mlp = nn.sequential(nn.linear(64, 256, dtype: \"f64\"), nn.relu(), nn.linear(256, 256, dtype: \"f64\"), nn.relu(), nn.linear(256, 10, dtype: \"f64\"))\n"
        + "let x = randn(400000, 64, seed: 1)");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        n.eval("lib.build(mlp, x" + options + ")");
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    long start = System.nanoTime();
    t.start();
    Thread.sleep(1500);
    n.t.interrupt();
    t.join(60_000);
    assertTrue(!t.isAlive(), "the build stopped");
    assertNotNull(failure.get(), "the build did not finish by itself");
    assertTrue(failure.get() instanceof TangentException, failure.get().toString());
    String msg = ((TangentException) failure.get()).format();
    assertTrue(msg.toLowerCase().contains("interrupt"), msg);
    assertTrue((System.nanoTime() - start) / 1e9 < 50, "stopped promptly");
  }

  @Test void interruptsASingleThreadedBuildWithoutProgress() throws Exception { interrupts(", threads: 1, progress: false"); }

  @Test void interruptsAMultiThreadedBuild() throws Exception { interrupts(", threads: 2"); }
}
