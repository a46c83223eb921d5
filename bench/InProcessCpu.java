import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a .lie script once in a fresh interpreter and prints, on stderr, the CPU time the process
 * spent running it: start-up excluded, the JVM's compiler and GC threads included (so a C2
 * compilation of the script's code on the other core counts). For bench/interpreter_vs_cpython.sh,
 * where wall times on a loaded machine are mostly waiting for a core.
 *
 *   java [the launcher's JVM options] -cp CLASSPATH:DIR InProcessCpu script.lie [args...]
 * prints "work cpu P s, script thread cpu T s".
 */
public final class InProcessCpu {
  private InProcessCpu() {}

  public static void main(String[] a) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    Interpreter in = new Interpreter(out, out, Permissions.all());
    TList args = new TList();
    for (int i = 1; i < a.length; i++) args.items.add(a[i]);
    in.setGlobal("args", args);
    String source = Files.readString(Path.of(a[0]));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    long p0 = os.getProcessCpuTime();
    long t0 = threads.getCurrentThreadCpuTime();
    try {
      in.run(in.compile(new SourceFile(a[0], source), true, false));   // as `tangent run` compiles a file
    } catch (TangentException e) {
      System.err.println(e.format());
      System.exit(1);
    }
    long t1 = threads.getCurrentThreadCpuTime();
    long p1 = os.getProcessCpuTime();
    out.flush();
    System.err.printf(java.util.Locale.ROOT, "work cpu %.4f s, script thread cpu %.4f s%n", (p1 - p0) / 1e9, (t1 - t0) / 1e9);
  }
}
