package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/spark/relative_poses.tg at a small size (2*10^4 pairs in 4 partitions on local[2]), in a
 * JVM of its own (one Spark session per JVM): the distributed statistics equal the driver's own.
 */
class LieExampleTest {
  @Test void relativePosesOnExecutorsEqualTheDriversOwn() throws Exception {
    Path script = Path.of("../../examples/spark/relative_poses.tg").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(script), script.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xss16m"));
    cmd.addAll(ClusterTest.opens());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunScript.class.getName(), script.toString(),
        "20000", "5000", "local[2]"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("20000 relative poses in 4 partitions on local[2]"), out);
    String worst = out.lines().filter(l -> l.startsWith("largest relative difference")).findFirst().orElseThrow();
    double d = Double.parseDouble(worst.substring(worst.lastIndexOf(' ') + 1));
    assertTrue(d < 1e-12, worst);
    assertTrue(!out.contains("SLF4J") && !out.contains(" INFO "), "Spark says nothing unasked: " + out);
  }
}
