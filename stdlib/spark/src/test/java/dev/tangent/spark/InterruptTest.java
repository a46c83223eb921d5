package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import org.junit.jupiter.api.Test;

/** interrupt() (Ctrl-C) cancels the running Spark job: its tasks stop, the session stays usable. */
class InterruptTest {
  @Test void interruptCancelsTheJob() throws Exception {
    Tangent t = SparkTesting.tangent();
    // Each task would run for minutes; the interrupt stops them within a second or two.
    Thread stopper = new Thread(() -> {
      try {
        Thread.sleep(4000);
      } catch (InterruptedException e) {
        return;
      }
      t.interrupt();
    });
    long start = System.nanoTime();
    stopper.start();
    String error;
    synchronized (SparkTesting.class) {
      try {
        t.eval("s.range(4, partitions: 2).map(x => { var i = 0\n while true { i += 1 }\n i }).collect()");
        error = null;
      } catch (TangentException e) {
        error = e.format();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(error != null && error.contains("interrupted"), String.valueOf(error));
    assertTrue(seconds < 60, "took " + seconds + " s");
    // The cancelled tasks released the executor threads: the next job runs.
    assertEquals("[0, 1, 2]", SparkTesting.run("print(s.range(3).collect())"));
  }
}
