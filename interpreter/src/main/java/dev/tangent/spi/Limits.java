package dev.tangent.spi;

import java.time.Duration;
import java.util.Set;

/**
 * What a host allows one interpreter to consume: wall-clock time per evaluation, the largest
 * tensor or collection it may allocate, and which modules it may import. The command line runs
 * with {@link #NONE}; an embedding host sets them through Tangent.builder().
 *
 * <p>Built-ins deep inside a module have no Context at hand when they size an allocation, so the
 * limits of the evaluation running on the current thread are also reachable through
 * {@link #current()} (through {@link Context#current()}, set for the duration of each run).
 */
public record Limits(Duration timeLimit, long maxElements, Set<String> refusedImports) {
  public static final Limits NONE = new Limits(null, Long.MAX_VALUE, Set.of());

  public Limits {
    refusedImports = Set.copyOf(refusedImports);
    if (maxElements <= 0) throw new IllegalArgumentException("maxElements must be positive");
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("timeLimit must be positive");
    }
  }

  public Limits withTimeLimit(Duration d) { return new Limits(d, maxElements, refusedImports); }
  public Limits withMaxElements(long n) { return new Limits(timeLimit, n, refusedImports); }

  public Limits withRefusedImport(String module) {
    java.util.Set<String> s = new java.util.HashSet<>(refusedImports);
    s.add(module);
    return new Limits(timeLimit, maxElements, s);
  }

  public boolean importAllowed(String module) { return !refusedImports.contains(module); }

  /** The limits of the evaluation running on this thread (none outside one). */
  public static Limits current() {
    Context c = Context.current();
    return c == null ? NONE : c.limits;
  }
}
