package dev.tangent.spark.bench;

import dev.tangent.api.Tangent;
import dev.tangent.spark.value.Distributed;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaRDD;

/**
 * What a Tangent function costs on Spark, against the same work written in Java, in one session
 * (local[N]) and on the same collections (a Tangent s.range, whose RDD the Java variants use too):
 *
 * <ul>
 *   <li>per task: an empty map over P one-element partitions: count() alone (Spark's task cost),
 *       a Java map, a Tangent map (x => x);</li>
 *   <li>per element: x + 1 over E elements in 2 partitions, Java against Tangent.</li>
 * </ul>
 *
 * Medians of R runs (the variants taking turns) after a warm-up run of each. Run (after `mvn test-compile` in stdlib/spark):
 * {@code java $SPARK_OPENS -cp "$(cat target/bench.cp):target/classes:target/test-classes"
 * dev.tangent.spark.bench.SparkOverheadBench [P [E [R [MASTER]]]]}.
 */
public final class SparkOverheadBench {
  private SparkOverheadBench() {}

  public static void main(String[] args) {
    int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
    long elements = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    String master = args.length > 3 ? args[3] : "local[2]";
    dev.tangent.progress.Progress.global().mode = dev.tangent.progress.Progress.Mode.OFF;
    Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).importModule("spark").build();
    t.eval("let s = spark.session(master: \"" + master + "\", app: \"bench\")");

    t.eval("let tasks = s.range(" + partitions + ", partitions: " + partitions + ")");
    JavaRDD<Object> tasks = rdd(t.get("tasks"));
    double[] m = medians(runs, tasks::count, () -> tasks.map(x -> x).count(),
        () -> ((Double) t.eval("tasks.map(x => x).count()")).longValue());
    double count = m[0];
    double javaMap = m[1];
    double tangentMap = m[2];
    System.out.printf("per task (%d partitions of one element, %s): count %.3f ms, Java map %.3f ms, Tangent map %.3f ms "
            + "(Tangent function adds %.3f ms per task)%n", partitions, master, count / partitions * 1e3,
        javaMap / partitions * 1e3, tangentMap / partitions * 1e3, (tangentMap - javaMap) / partitions * 1e3);

    t.eval("let elems = s.range(" + elements + ", partitions: 2)");
    JavaRDD<Object> elems = rdd(t.get("elems"));
    double[] e = medians(runs, elems::count, () -> elems.map(x -> (Double) x + 1).count(),
        () -> ((Double) t.eval("elems.map(x => x + 1).count()")).longValue());
    double countE = e[0];
    double javaE = e[1];
    double tangentE = e[2];
    System.out.printf("per element (%d elements in 2 partitions, %s): count %.1f ns, Java map %.1f ns, Tangent map %.1f ns "
            + "(Tangent/Java %.1fx; the function adds %.1f ns per element)%n", elements, master, countE / elements * 1e9,
        javaE / elements * 1e9, tangentE / elements * 1e9, tangentE / javaE, (tangentE - javaE) / elements * 1e9);
    t.eval("s.stop()");
  }

  @SuppressWarnings("unchecked")
  static JavaRDD<Object> rdd(Object distributed) {
    return (JavaRDD<Object>) ((Distributed) distributed).rdd;
  }

  /**
   * Median seconds of each variant over runs, after one warm-up run of each; the variants take
   * turns in every run, so that a machine that gets busier or a JIT that warms up favours none.
   */
  static double[] medians(int runs, LongSupplier... variants) {
    for (LongSupplier v : variants) v.getAsLong();
    double[][] s = new double[variants.length][runs];
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < variants.length; i++) {
        long t0 = System.nanoTime();
        variants[i].getAsLong();
        s[i][r] = (System.nanoTime() - t0) / 1e9;
      }
    }
    double[] out = new double[variants.length];
    for (int i = 0; i < variants.length; i++) {
      Arrays.sort(s[i]);
      out[i] = s[i][runs / 2];
    }
    return out;
  }
}
