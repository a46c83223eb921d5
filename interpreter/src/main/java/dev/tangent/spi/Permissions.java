package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script may do outside the interpreter. An embedded interpreter starts with none:
 * no files, no processes, no Java classes. The host grants folders (read or read-write),
 * processes and Java access; the command line grants everything the user can do.
 *
 * <p>Granted folders and checked paths are compared as real paths (RealPaths): a symbolic link
 * inside a granted folder that leads out of it is refused, and the path a check returns is the
 * real one, so the built-in opens exactly the file that was checked.
 */
public final class Permissions {
  private final List<Path> readable = new ArrayList<>();
  private final List<Path> writable = new ArrayList<>();
  private boolean processes;
  private boolean java;
  private boolean allFiles;

  public static Permissions none() { return new Permissions(); }

  public static Permissions all() {
    Permissions p = new Permissions();
    p.allFiles = true;
    p.processes = true;
    p.java = true;
    return p;
  }

  public Permissions allowRead(Path dir) {
    readable.add(real(dir));
    return this;
  }

  public Permissions allowReadWrite(Path dir) {
    Path d = real(dir);
    readable.add(d);
    writable.add(d);
    return this;
  }

  /** The real path, or the lexical one when it cannot be resolved (a loop of links). */
  private static Path real(Path p) {
    try {
      return RealPaths.resolve(p);
    } catch (java.io.IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  public Permissions allowProcesses() { processes = true; return this; }
  public Permissions allowJava() { java = true; return this; }

  /** What was granted, to grant the same elsewhere (another JVM running this script's functions). */
  public boolean allFiles() { return allFiles; }
  public List<Path> readableFolders() { return List.copyOf(readable); }
  public List<Path> writableFolders() { return List.copyOf(writable); }
  public boolean processesAllowed() { return processes; }
  public boolean javaAllowed() { return java; }

  public boolean canRead(Path p) { return allFiles || inside(p, readable) != null; }
  public boolean canWrite(Path p) { return allFiles || inside(p, writable) != null; }

  /** The real path of p when it lies inside one of the roots, else null. */
  private static Path inside(Path p, List<Path> roots) {
    if (roots.isEmpty()) return null;
    Path q;
    try {
      q = RealPaths.resolve(p);
    } catch (java.io.IOException e) {
      return null;
    }
    for (Path r : roots) if (q.startsWith(r)) return q;
    return null;
  }

  /** The path to read (its real path inside a sandbox), or a permission error. */
  public Path checkRead(Path p) {
    if (allFiles) return p;
    Path q = inside(p, readable);
    if (q == null) throw denied("reading " + p);
    return q;
  }

  public Path checkWrite(Path p) {
    if (allFiles) return p;
    Path q = inside(p, writable);
    if (q == null) throw denied("writing " + p);
    return q;
  }

  public void checkProcesses() {
    if (!processes) throw denied("running processes");
  }

  public void checkJava() {
    if (!java) throw denied("access to Java classes");
  }

  private static TangentError denied(String what) {
    return TangentError.runtime("permission denied: " + what + " is not allowed in this interpreter")
        .withHint("the host application decides what embedded scripts may do");
  }
}
