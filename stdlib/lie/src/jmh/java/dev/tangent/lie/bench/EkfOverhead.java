package dev.tangent.lie.bench;

import dev.tangent.api.Interpreter;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The interpreter's overhead on a real filter: examples/lie/se2_localization.lie run through the
 * embedding API (as ./tangent run runs it) against its Java twin {@link Se2EkfTwin}, with the same
 * noise (each side draws it, in its timed run). Prints wall time, the CPU time of the running thread (ThreadMXBean: steady on a shared
 * machine) and the process CPU time (which adds GC and JIT threads), medians of the runs, and
 * the ratios. Checks first that both print the same filter output.
 * <pre>  EkfOverhead [STEPS=100000] [RUNS=5]</pre>
 */
public final class EkfOverhead {
  private EkfOverhead() {}

  record Timing(double wall, double cpu, double process) {}

  public static void main(String[] args) throws IOException {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path script = find(Path.of("").toAbsolutePath(), "examples/lie/se2_localization.lie");
    String text = Files.readString(script);
    Path outDir = Files.createTempDirectory("ekf");

    // The twin draws the script's noise itself (same seeds, same generator): check that it does.
    Interpreter noise = new Interpreter(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Permissions.none());
    double[] uNoise = ((Tensor) noise.eval("randn(" + steps + ", 3, seed: 1) * tensor([0.1, 0.1, 0.1])")).toDoubleArray();
    if (!Arrays.equals(uNoise, Se2EkfTwin.randn(steps * 3, 1, 0.1, 0.1, 0.1))) throw new IllegalStateException("the twin's noise differs from randn's");

    String scriptOut = runScript(text, script, outDir, steps, null);
    String twinOut = Se2EkfTwin.run(steps);
    String a = filterLines(scriptOut);
    String b = filterLines(twinOut);
    System.out.println(a.equals(b) ? "the script and the Java twin print the same filter output"
        : "OUTPUTS DIFFER\n--- script\n" + a + "\n--- twin\n" + b);
    System.out.print(b.substring(b.indexOf("final error")));

    Timing[] ts = new Timing[runs];
    Timing[] tj = new Timing[runs];
    for (int r = 0; r < runs; r++) {
      Timing[] holder = new Timing[1];
      runScript(text, script, outDir, steps, holder);
      ts[r] = holder[0];
      tj[r] = time(() -> Se2EkfTwin.run(steps));
    }
    Timing s = median(ts);
    Timing j = median(tj);
    System.out.printf(Locale.ROOT, "%d steps, median of %d runs (java %s)%n", steps, runs, System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%-22s %10s %14s %14s%n", "", "wall s", "thread cpu s", "process cpu s");
    System.out.printf(Locale.ROOT, "%-22s %10.3f %14.3f %14.3f%n", "script (tangent)", s.wall, s.cpu, s.process);
    System.out.printf(Locale.ROOT, "%-22s %10.3f %14.3f %14.3f%n", "java twin", j.wall, j.cpu, j.process);
    System.out.printf(Locale.ROOT, "%-22s %10.1f %14.1f %14.1f%n", "ratio script / java", s.wall / j.wall, s.cpu / j.cpu,
        s.process / j.process);
    System.out.printf(Locale.ROOT, "per step: script %.2f us, java %.2f us (thread cpu)%n", s.cpu / steps * 1e6, j.cpu / steps * 1e6);
  }

  static String runScript(String text, Path script, Path outDir, int steps, Timing[] timing) {
    StringWriter sw = new StringWriter();
    Interpreter in = new Interpreter(new PrintWriter(sw, true), new PrintWriter(sw, true), Permissions.all());
    in.importModule("lie");
    in.setGlobal("args", TList.of(outDir.toString(), String.valueOf(steps)));
    Interpreter.Compiled c = in.compile(new SourceFile(script.toString(), text), false, false);
    if (timing == null) {
      in.run(c);
    } else {
      timing[0] = time(() -> in.run(c));
    }
    return sw.toString();
  }

  /** The lines both print: the states and the final summary. */
  static String filterLines(String out) {
    StringBuilder sb = new StringBuilder();
    for (String line : out.split("\n")) {
      if (line.startsWith("X ") && !line.startsWith("X STATE") || line.startsWith("final error") || line.startsWith("filter covariance")) sb.append(line).append('\n');
    }
    return sb.toString();
  }

  static Timing time(Runnable r) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long w0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    long p0 = os.getProcessCpuTime();
    r.run();
    long p1 = os.getProcessCpuTime();
    long c1 = mx.getCurrentThreadCpuTime();
    long w1 = System.nanoTime();
    return new Timing((w1 - w0) / 1e9, (c1 - c0) / 1e9, (p1 - p0) / 1e9);
  }

  static Timing median(Timing[] ts) {
    double[] w = Arrays.stream(ts).mapToDouble(Timing::wall).sorted().toArray();
    double[] c = Arrays.stream(ts).mapToDouble(Timing::cpu).sorted().toArray();
    double[] p = Arrays.stream(ts).mapToDouble(Timing::process).sorted().toArray();
    return new Timing(w[w.length / 2], c[c.length / 2], p[p.length / 2]);
  }

  static Path find(Path from, String rel) {
    for (Path p = from; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(rel))) return p.resolve(rel);
    }
    throw new IllegalStateException(rel + " not found above " + from);
  }
}
