package org.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Exports/Impl rule, checked in a fresh JVM with -verbose:class (the template of
 * docs/modules.md): importing the module and making a value load no Commons Math class; the
 * first computation does.
 */
class LazyLoadingTest {
  static String classesLoadedBy(String code) throws IOException, InterruptedException {
    String java = System.getProperty("java.home") + "/bin/java";
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
        Run.class.getName(), code).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** The child process: evaluates its argument with `stats` imported. */
  public static final class Run {
    public static void main(String[] args) {
      System.out.println("result: " + dev.tangent.api.Tangent.builder().importModule("stats").build().eval(args[0]));
    }
  }

  @Test void importAndValuesLoadNoCommonsMath() throws Exception {
    String out = classesLoadedBy("let d = normal(0, 1)\nstr(d)");
    assertTrue(out.contains("result: Normal(mean=0, sd=1)"), out);
    assertTrue(out.contains("org.example.stats.StatsExports"), "the module was defined");
    assertFalse(out.contains("org.apache.commons.math3"), "no Commons Math class before a computation");
  }

  @Test void theFirstComputationLoadsIt() throws Exception {
    String out = classesLoadedBy("normal(0, 1).cdf(0)");
    assertTrue(out.contains("result: 0.5"), out);
    assertTrue(out.contains("org.apache.commons.math3.distribution.NormalDistribution"), "loaded on demand");
    List.of();
  }
}
