package dev.tangent.spi;

import java.nio.file.Path;

/**
 * Where the native libraries of the heavy back-ends are unpacked on first use: JavaCPP's cache
 * (ND4J, OpenBLAS) and DJL's cache (PyTorch). Both read system properties when they first load,
 * so setting them is JVM-wide and only the first setting counts.
 */
public final class NativeLibraries {
  private NativeLibraries() {}

  static final String JAVACPP = "org.bytedeco.javacpp.cachedir";
  static final String DJL = "DJL_CACHE_DIR";
  static final String DJL_ENGINE = "ENGINE_CACHE_DIR";

  public static synchronized void useDirectory(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    setIfAbsent(JAVACPP, d.resolve("javacpp").toString());
    setIfAbsent(DJL, d.resolve("djl").toString());
    setIfAbsent(DJL_ENGINE, d.resolve("djl").toString());
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  private static String setting(String key) {
    String v = System.getProperty(key);
    return v != null ? v : System.getenv(key);
  }

  /** Where JavaCPP unpacks ND4J's and OpenBLAS's natives. */
  public static Path javacppCache() {
    String d = setting(JAVACPP);
    return d != null ? Path.of(d) : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
  }

  /** Where DJL unpacks PyTorch's natives. */
  public static Path pytorchCache() {
    String d = setting(DJL_ENGINE);
    if (d == null) d = setting(DJL);
    return (d != null ? Path.of(d) : Path.of(System.getProperty("user.home"), ".djl.ai")).resolve("pytorch");
  }

  private static final java.util.Set<String> announced = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Says, once per process and only when {@code cache} holds nothing yet, that a back-end is
   * unpacking its natives (hundreds of MB, seconds): otherwise the first `import nn` or large
   * tensor just hangs. While the returned handle is open a dot follows every two seconds; close
   * it when the back-end has started.
   */
  public static AutoCloseable firstUnpack(String what, Path cache, String size) {
    if (!empty(cache) || !announced.add(what)) return () -> { };
    Context ctx = Context.current();
    java.io.PrintWriter err = ctx != null ? ctx.err : new java.io.PrintWriter(System.err, true);
    err.print("tangent: preparing " + what + " natives in " + cache + " (first run only, about " + size + ")...");
    err.flush();
    Thread ticker = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(2000);
          err.print('.');
          err.flush();
        }
      } catch (InterruptedException e) {
        // done
      }
    }, "tangent-natives-progress");
    ticker.setDaemon(true);
    ticker.start();
    long start = System.nanoTime();
    return () -> {
      ticker.interrupt();
      err.println(String.format(" done in %.1f s", (System.nanoTime() - start) / 1e9));
      err.flush();
    };
  }

  private static boolean empty(Path dir) {
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
