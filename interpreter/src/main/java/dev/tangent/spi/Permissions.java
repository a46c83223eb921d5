package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script may do outside the interpreter. An embedded interpreter starts with none:
 * no files, no processes, no Java classes. The host grants folders (read or read-write),
 * processes and Java access; the command line grants everything the user can do.
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
    readable.add(dir.toAbsolutePath().normalize());
    return this;
  }

  public Permissions allowReadWrite(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    readable.add(d);
    writable.add(d);
    return this;
  }

  public Permissions allowProcesses() { processes = true; return this; }
  public Permissions allowJava() { java = true; return this; }

  public boolean canRead(Path p) { return allFiles || inside(p, readable); }
  public boolean canWrite(Path p) { return allFiles || inside(p, writable); }

  private static boolean inside(Path p, List<Path> roots) {
    Path q = p.toAbsolutePath().normalize();
    for (Path r : roots) if (q.startsWith(r)) return true;
    return false;
  }

  /** The path to read, or a permission error. */
  public Path checkRead(Path p) {
    if (!canRead(p)) throw denied("reading " + p);
    return p;
  }

  public Path checkWrite(Path p) {
    if (!canWrite(p)) throw denied("writing " + p);
    return p;
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
