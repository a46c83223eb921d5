package dev.tangent.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Service providers (META-INF/services), as {@link ServiceLoader} finds them, or from the index the
 * launcher writes beside its start-up archive and names in {@code -Dtangent.services=FILE}. Asking
 * the class loader for one services file opens every jar of the class path: with Spark, ND4J and
 * DJL that is about 200 jars and 0.3-0.6 s of every start, while the index is one small file. The
 * index lists every services file of the class path it was made for (the launcher passes it only
 * while that class path is unchanged), so a type it does not name has no providers.
 */
public final class Services {
  private Services() {}

  /** The system property that names the index. */
  public static final String INDEX_PROPERTY = "tangent.services";

  private static volatile Map<String, List<String>> index;
  private static volatile boolean indexRead;

  /** The providers of {@code type} in class-path order, instantiated. */
  public static <S> List<S> load(Class<S> type, ClassLoader loader) {
    return load(type, loader, index());
  }

  /** As {@link #load(Class, ClassLoader)} with a given index (null: none). */
  static <S> List<S> load(Class<S> type, ClassLoader loader, Map<String, List<String>> idx) {
    List<String> names = idx == null ? null : idx.getOrDefault(type.getName(), List.of());
    List<S> found = new ArrayList<>();
    if (names == null) {
      for (S s : ServiceLoader.load(type, loader)) found.add(s);
      return found;
    }
    for (String name : names) {
      try {
        Class<?> c = Class.forName(name, true, loader);
        found.add(type.cast(c.getDeclaredConstructor().newInstance()));
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        throw new ServiceConfigurationError(type.getName() + ": provider " + name + " could not be instantiated", e);
      }
    }
    return found;
  }

  private static Map<String, List<String>> index() {
    if (!indexRead) {
      synchronized (Services.class) {
        if (!indexRead) {
          index = read(System.getProperty(INDEX_PROPERTY));
          indexRead = true;
        }
      }
    }
    return index;
  }

  /** Parses an index: one line per provider, "service-type provider-class". Unreadable: no index. */
  static Map<String, List<String>> read(String file) {
    if (file == null || file.isEmpty()) return null;
    try {
      Map<String, List<String>> idx = new LinkedHashMap<>();
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        int sp = line.indexOf(' ');
        if (line.isBlank() || line.startsWith("#")) continue;
        if (sp <= 0) return null;
        idx.computeIfAbsent(line.substring(0, sp), k -> new ArrayList<>()).add(line.substring(sp + 1).trim());
      }
      return idx;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
