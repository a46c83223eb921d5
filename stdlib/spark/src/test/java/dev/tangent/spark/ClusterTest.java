package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on loopback: a Spark master and two workers as separate JVMs, started
 * from the Spark jars of this build's class path (SPARK_HOME/jars links to them, which is where a
 * worker takes its executors' class path from), and a driver in a third JVM running a Tangent
 * script on spark://127.0.0.1:port. One worker (with its executor) is killed while a job runs: the
 * job still completes, through Spark's task retry, with the same result. Everything the test
 * starts, it stops.
 */
class ClusterTest {
  private static final List<Process> STARTED = new ArrayList<>();
  private static final String OPENS = System.getProperty("spark.opens.line", "");

  @TempDir static Path dir;

  private static long t0 = System.nanoTime();

  /** When each phase ended, on the test's output (the test's time goes mostly to starting JVMs). */
  static void mark(String what) {
    System.err.printf("ClusterTest: %s at %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
  }

  @Test void aJobSurvivesTheLossOfAWorker() throws Exception {
    t0 = System.nanoTime();
    Path home = sparkHome();
    String extra = folders();
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    Process m = daemon("master", home, "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
    waitForPort(port, 60);
    mark("master up");
    Path work1 = Files.createDirectories(dir.resolve("work1"));
    Path work2 = Files.createDirectories(dir.resolve("work2"));
    Process w1 = worker("worker1", home, work1, master);
    Process w2 = worker("worker2", home, work2, master);

    Path script = dir.resolve("job.tg");
    Files.writeString(script, """
        import spark
        let s = spark.session(master: args[0], app: "tangent-cluster-test", conf: {
          "spark.cores.max": "2", "spark.executor.cores": "1", "spark.executor.memory": "512m",
          "spark.scheduler.minRegisteredResourcesRatio": "1.0",
          "spark.scheduler.maxRegisteredResourcesWaitingTime": "120s",
          "spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1",
          "spark.executor.extraClassPath": args[1]})
        print("warm-up", s.range(4, partitions: 4).map(x => x + 1).collect())
        print("ready")
        let total = s.range(24, partitions: 12).map(x => { sleep(0.5); x * x }).reduce((a, b) => a + b)
        print("result", total, sum(map(x => x * x, list(0..24))))
        s.stop()
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m"));
    cmd.addAll(opens());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunScript.class.getName(), script.toString(), master, extra));
    Process driver = start(new ProcessBuilder(cmd).redirectError(dir.resolve("driver.err").toFile()));
    BlockingQueue<String> lines = lines(driver);

    assertEquals("warm-up [1, 2, 3, 4]", next(lines, 180, "warm-up"));
    mark("executors registered, first job done");
    assertEquals("ready", next(lines, 30, "ready"));
    Thread.sleep(2500);   // the job's tasks are running on both executors
    assertTrue(lines.isEmpty(), "the job was still running when the worker was killed");
    kill(w2);
    mark("worker 2 killed");
    String result = next(lines, 180, "result");
    mark("job done");
    assertEquals("result 4324 4324", result);
    assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "the driver stopped");
    assertEquals(0, driver.exitValue(), Files.readString(dir.resolve("driver.err")));
    // Both workers had launched an executor for the application (both took part before the kill).
    assertTrue(hasApp(work1) && hasApp(work2), "executors on both workers");
    assertTrue(w1.isAlive() && m.isAlive(), "the rest of the cluster is up until the test stops it");
    // The surviving executor ran second attempts of tasks of the job's stage (Spark's log: "task 5.1").
    assertTrue(executorLog(work1).lines().anyMatch(l -> l.matches(".*Running task \\d+\\.[1-9] in stage.*")),
        "lost tasks were retried on the surviving executor");
  }

  @AfterAll static void stopEverything() {
    for (Process p : STARTED) kill(p);
  }

  // ------------------------------------------------------------------ the cluster's JVMs

  /** A folder whose jars/ links to every jar of this class path: a worker builds executors' class path from it. */
  static Path sparkHome() throws IOException {
    Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (!e.endsWith(".jar") || !Files.isRegularFile(p)) continue;
      Path link = jars.resolve(p.getFileName());
      if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
    }
    return jars.getParent();
  }

  /** The class folders of this build (this module's classes and tests), for the executors' extra class path. */
  static String folders() {
    return String.join(File.pathSeparator, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> Files.isDirectory(Path.of(e))).toList());
  }

  static Process worker(String name, Path home, Path work, String master) throws IOException {
    return daemon(name, home, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
        "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), master);
  }

  static Process daemon(String name, Path home, String main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m"));
    cmd.addAll(opens());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return start(pb);
  }

  static List<String> opens() {
    return Stream.of(OPENS.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  static synchronized Process start(ProcessBuilder pb) throws IOException {
    Process p = pb.start();
    STARTED.add(p);
    return p;
  }

  /** Kills a JVM and what it started (a worker's executors), as a machine that goes away. */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void waitForPort(int port, int seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the master did not open port " + port + ": " + Files.readString(dir.resolve("master.log")));
  }

  static BlockingQueue<String> lines(Process p) {
    BlockingQueue<String> q = new LinkedBlockingQueue<>();
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) q.add(l);
      } catch (IOException ignored) {
        // the driver ended
      }
    }, "driver-output");
    t.setDaemon(true);
    t.start();
    return q;
  }

  static String next(BlockingQueue<String> q, int seconds, String what) throws Exception {
    String l = q.poll(seconds, TimeUnit.SECONDS);
    if (l == null) {
      throw new AssertionError("no '" + what + "' from the driver in " + seconds + " s; its errors: "
          + Files.readString(dir.resolve("driver.err")));
    }
    return l;
  }

  /** The standard error of the executors a worker launched (Spark's own log, INFO level). */
  static String executorLog(Path work) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(work)) {
      for (Path p : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) sb.append(Files.readString(p));
    }
    return sb.toString();
  }

  static boolean hasApp(Path work) throws IOException {
    try (Stream<Path> s = Files.list(work)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("app-"));
    }
  }
}
