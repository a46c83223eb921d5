package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real `./tangent` script, run as a process from another directory. */
class LauncherTest {
  static final Path SCRIPT = Paths.get(System.getProperty("user.dir")).getParent().resolve("tangent");

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  Result run(Map<String, String> env, String... args) throws Exception {
    Process p = start(env, args);
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tangent did not finish");
    return new Result(p.exitValue(), out.get(), err.get());
  }

  Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  Process start(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(SCRIPT.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }

  static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The start-up archive maps classes from jars only: the launcher's class path holds jars (or, in
   * a build that stopped before packaging, module class folders), never a BOM's pom file.
   */
  @Test void theLauncherClassPathIsAllJars() throws IOException {
    Path cp = Paths.get(System.getProperty("user.dir")).resolve("target/classpath.txt");
    String text = Files.readString(cp).strip();
    List<String> notJars = new ArrayList<>();
    for (String e : text.split(java.io.File.pathSeparator)) if (!e.endsWith(".jar") && !Files.isDirectory(Path.of(e))) notJars.add(e);
    assertTrue(notJars.isEmpty(), "entries that stop the CDS archive: " + notJars);
    assertTrue(text.contains("lie") && text.contains("drdm") && text.contains("lib"), "every module arrives through the BOM");
  }

  /** The launcher keeps some of the bytecode tier's helpers out of line by name: they must exist. */
  @Test void theHelpersTheLauncherKeepsOutOfLineAreRtMethodsAndNotTheArithmetic() throws Exception {
    String line = Files.readAllLines(SCRIPT).stream().filter(l -> l.startsWith("rt_out_of_line=(")).findFirst().orElseThrow();
    List<String> names = List.of(line.substring(line.indexOf('(') + 1, line.indexOf(')')).trim().split("\\s+"));
    assertTrue(names.size() > 5, line);
    java.util.Set<String> helpers = new java.util.HashSet<>();
    for (java.lang.reflect.Method m : dev.tangent.jit.Rt.class.getMethods()) {
      if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) helpers.add(m.getName());
    }
    for (String n : names) assertTrue(helpers.contains(n), "tangent names Rt::" + n + ", which Rt does not have");
    for (String fast : List.of("add", "sub", "mul", "div", "lt", "compare", "truth")) assertFalse(names.contains(fast), fast);
    // and the JVM takes the commands without a word on stdout or stderr
    assertEquals(new Result(0, "3\n", ""), run("-e", "1 + 2"));
  }

  /** ./setup shows Maven's output without the colour resets Maven 3.8 writes even with colour off. */
  @Test void setupPrintsNoRawColourCodes() throws Exception {
    Path fakeMvn = dir.resolve("fake-mvn");
    Files.writeString(fakeMvn, "#!/bin/sh\nprintf '\\033[0m\\033[0m\\033[1;31mbuilt\\033[0m\\n'\n");
    fakeMvn.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder(SCRIPT.resolveSibling("setup").toString()).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("MVN", fakeMvn.toString());
    pb.environment().put("TANGENT_SETUP_SKIP_DATA", "1");
    Process p = pb.start();
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals("built\nsetup: done. Try ./tangent for the REPL.\n", out);
  }

  /**
   * A heap filled a little at a time (a global list growing in a loop) met the OutOfMemoryError in
   * some small allocation whose handlers the JVM skipped, and the process died with "OutOfMemoryError
   * thrown from the UncaughtExceptionHandler". Now the script stops with an error at its position.
   */
  @Test void aHeapFilledStepByStepEndsInAnOutOfMemoryError() throws Exception {
    Result r = run(Map.of("TANGENT_JAVA_OPTS", "-Xmx300m"), "-e", "var xs = []\nwhile true { xs.push(zeros(1000)) }");
    assertEquals(70, r.status(), r.err());
    assertTrue(r.err().startsWith("<eval>:2:") && r.err().contains("error: out of memory"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    r = run(Map.of("TANGENT_JAVA_OPTS", "-Xmx300m"), "-e", "zeros(30000, 30000, device: \"java\")");
    assertEquals(70, r.status(), r.err());
    assertTrue(r.err().startsWith("<eval>:1:1: error: out of memory in zeros()"), r.err());
  }

  @Test void evalFromAnotherDirectory() throws Exception {
    assertEquals(new Result(0, "3\n", ""), run("-e", "1 + 2"));
  }

  @Test void worksThroughASymbolicLink() throws Exception {
    Path link = dir.resolve("bin").resolve("tangent");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, SCRIPT);
    Process p = new ProcessBuilder(link.toString(), "--version").directory(dir.toFile()).start();
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertTrue(out.startsWith("tangent " + dev.tangent.jsr223.Version.get()), out);
  }

  @Test void runtimeErrorIs70WithoutJavaStackTrace() throws Exception {
    Result r = run("-e", "fn f(x) = error(\"bad \" + x)\nf(\"input\")");
    assertEquals(70, r.status);
    assertEquals("", r.out);
    assertTrue(r.err.startsWith("<eval>:1:11: error: bad input\n"), r.err);
    assertTrue(r.err.contains("  at f (<eval>:1:11)\n  at <script> (<eval>:2:1)"), r.err);
    assertFalse(CliTest.JAVA_FRAME.matcher(r.err).find(), r.err);
  }

  @Test void runPassesArgumentsAndStaticErrorsAre65() throws Exception {
    Path script = dir.resolve("hello.lie");
    Files.writeString(script, "print(\"hello\", args[0], len(args))\n");
    assertEquals(new Result(0, "hello --name 2\n", ""), run("run", "hello.lie", "--name", "x"));
    Files.writeString(dir.resolve("bad.tg"), "print(nope)\n");
    Result bad = run("run", "bad.tg");
    assertEquals(65, bad.status);
    assertTrue(bad.err.startsWith("bad.tg:1:7: error: undefined name 'nope'"), bad.err);
  }

  @Test void unknownOptionIs64() throws Exception {
    assertEquals(64, run("--frobnicate").status);
  }

  @Test void ctrlCStopsARunningScriptWith130() throws Exception {
    Files.writeString(dir.resolve("spin.tg"), "print(\"spinning\")\nvar i = 0\nwhile true { i += 1 }\n");
    Process p = start(Map.of(), "run", "spin.tg");
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("spinning", out.readLine());
    // The launcher execs java, so this is the JVM's pid: what the shell signals on Ctrl-C.
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGINT did not stop the script");
    String err = read(p.getErrorStream());
    assertEquals(130, p.exitValue(), err);
    assertTrue(err.contains("spin.tg:3:1: error: interrupted"), err);
  }

  @Test void ctrlCStopsEvalWith130() throws Exception {
    Process p = start(Map.of(), "-e", "print(\"go\")\nwhile true {}");
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("go", out.readLine());
    assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(130, p.exitValue());
  }

  @Test void withoutABuildItSaysHowToBuild() throws Exception {
    Path copy = dir.resolve("checkout").resolve("tangent");
    Files.createDirectories(copy.getParent());
    Files.copy(SCRIPT, copy);
    Process p = new ProcessBuilder("bash", copy.toString(), "-e", "1").directory(dir.toFile()).start();
    String err = read(p.getErrorStream());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(64, p.exitValue());
    assertTrue(err.contains("mvn -q -DskipTests package"), err);
  }

  @Test void evalLoadsNoNd4jOrDjlClasses() throws Exception {
    Result r = run(Map.of("TANGENT_JAVA_OPTS", "-Xlog:class+load=info"), "-e", "1 + 2");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("dev.tangent.repl.Main source:"), "the class-load log is on");
    assertTrue(r.out.contains("dev.tangent.core.CoreModule source:"), "the prelude was loaded");
    assertFalse(r.out.contains("org.nd4j"), "ND4J was loaded");
    assertFalse(r.out.contains("ai.djl"), "DJL was loaded");
    assertTrue(r.out.endsWith("3\n") || r.out.contains("\n3\n"), r.out.substring(Math.max(0, r.out.length() - 300)));
  }
}
