package dev.tangent.repl;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Writes the services index of a class path (see {@code dev.tangent.spi.Services}): every
 * META-INF/services file of every jar, in class-path order, one "type provider" line per provider,
 * read as ServiceLoader reads them (comments after '#', blanks, repeats dropped). The launcher runs
 * it once beside the start-up archive: usage {@code ServiceIndex OUT [CLASSPATH]}.
 */
final class ServiceIndex {
  private ServiceIndex() {}

  private static final String PREFIX = "META-INF/services/";

  public static void main(String[] args) throws IOException {
    if (args.length < 1) throw new IllegalArgumentException("usage: ServiceIndex OUT [CLASSPATH]");
    String cp = args.length > 1 ? args[1] : System.getProperty("java.class.path");
    write(index(cp), Path.of(args[0]));
  }

  /** Service type to its providers, in class-path order. Class folders are read too. */
  static Map<String, Set<String>> index(String classPath) throws IOException {
    Map<String, Set<String>> idx = new LinkedHashMap<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) continue;
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        Path dir = p.resolve(PREFIX);
        if (!Files.isDirectory(dir)) continue;
        try (var files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files.sorted()::iterator) {
            if (Files.isRegularFile(f)) {
              try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                add(idx, f.getFileName().toString(), r);
              }
            }
          }
        }
      } else if (Files.isRegularFile(p)) {
        try (JarFile jar = new JarFile(p.toFile(), false)) {
          for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
            JarEntry e = en.nextElement();
            String name = e.getName();
            if (e.isDirectory() || !name.startsWith(PREFIX) || name.indexOf('/', PREFIX.length()) >= 0) continue;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(jar.getInputStream(e), StandardCharsets.UTF_8))) {
              add(idx, name.substring(PREFIX.length()), r);
            }
          }
        }
      }
    }
    return idx;
  }

  private static void add(Map<String, Set<String>> idx, String type, BufferedReader r) throws IOException {
    if (type.isEmpty() || type.contains(" ")) return;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      int hash = line.indexOf('#');
      String provider = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!provider.isEmpty() && !provider.contains(" ")) idx.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(provider);
    }
  }

  /** Written to a temporary file and renamed, so a reader never sees half an index. */
  static void write(Map<String, Set<String>> idx, Path out) throws IOException {
    StringBuilder sb = new StringBuilder("# services of the launcher's class path (dev.tangent.repl.ServiceIndex)\n");
    idx.forEach((type, providers) -> providers.forEach(p -> sb.append(type).append(' ').append(p).append('\n')));
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the temporary file's defaults stand
      }
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
