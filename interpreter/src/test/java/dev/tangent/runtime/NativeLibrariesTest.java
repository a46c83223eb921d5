package dev.tangent.runtime;

import dev.tangent.spi.Context;
import dev.tangent.spi.NativeLibraries;
import dev.tangent.spi.Permissions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first unpacking of a back-end's natives is announced once, on the script's error stream. */
class NativeLibrariesTest {
  @Test void announcesOnlyAnEmptyCacheAndOnlyOnce(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    Context ctx = new Context(new PrintWriter(new StringWriter()), new PrintWriter(err, true), Permissions.none(), null);
    Context prev = ctx.enter();
    try {
      Path full = Files.createDirectory(dir.resolve("full"));
      Files.writeString(full.resolve("lib.so"), "x");
      try (AutoCloseable a = NativeLibraries.firstUnpack("Full", full, "1 MB")) {
        // already unpacked: nothing to say
      }
      assertEquals("", err.toString());
      try (AutoCloseable a = NativeLibraries.firstUnpack("Engine", dir.resolve("empty"), "430 MB")) {
        Thread.sleep(10);
      }
      String said = err.toString();
      assertTrue(said.startsWith("tangent: preparing Engine natives in " + dir.resolve("empty") + " (first run only, about 430 MB)..."), said);
      assertTrue(said.matches("(?s).* done in \\d+\\.\\d s\\n"), said);
      try (AutoCloseable a = NativeLibraries.firstUnpack("Engine", dir.resolve("empty"), "430 MB")) {
        // once per process
      }
      assertEquals(said, err.toString());
    } finally {
      Context.exit(prev);
    }
  }
}
