package dev.tangent.tensor.blas;

import java.util.Set;

/**
 * Decides OpenBLAS's kernel set once, before ND4J or OpenBLAS loads, and writes it into the
 * process's environment (OPENBLAS_CORETYPE), which OpenBLAS reads when it loads. The user's own
 * OPENBLAS_CORETYPE wins. The system property {@code tangent.blas.kernels} overrides the choice:
 * {@code auto} (the default: from the CPU's features), {@code openblas} (OpenBLAS's own
 * detection), or a kernel set name.
 */
public final class BlasSetup {
  private BlasSetup() {}

  public static final String VARIABLE = "OPENBLAS_CORETYPE";

  /** The kernel sets OpenBLAS 0.3.31's bytedeco build accepts (others print "Core not found"). */
  public static final Set<String> KNOWN = Set.of("Cooperlake", "SkylakeX", "Haswell", "Zen", "Sandybridge", "Nehalem",
      "Core2", "Penryn", "Dunnington", "Prescott", "Atom", "Opteron", "Barcelona", "Bobcat", "Bulldozer", "Piledriver",
      "Steamroller", "Excavator");

  /** The kernel set asked for (null: OpenBLAS's own detection), why, and whether we set it. */
  public record Decision(String core, String reason, boolean setByUs) {}

  private static Decision decision;

  /** Idempotent; call before anything loads ND4J or OpenBLAS. */
  public static synchronized Decision beforeLoad() {
    if (decision == null) decision = decide(System.getenv(VARIABLE), System.getProperty("tangent.blas.kernels", "auto"),
        CpuInfo.current(), true);
    return decision;
  }

  /** What beforeLoad decided, or null if nothing has needed OpenBLAS yet. */
  public static synchronized Decision current() {
    return decision;
  }

  /** What beforeLoad would decide now, without writing the environment. */
  public static Decision preview() {
    Decision d = current();
    return d != null ? d : decide(System.getenv(VARIABLE), System.getProperty("tangent.blas.kernels", "auto"),
        CpuInfo.current(), false);
  }

  static Decision decide(String environment, String property, CpuInfo cpu, boolean apply) {
    if (environment != null && !environment.isBlank()) {
      return new Decision(environment.trim(), VARIABLE + " set in the environment", false);
    }
    String p = property == null ? "auto" : property.trim();
    KernelSets.Choice choice;
    if (p.equalsIgnoreCase("openblas")) {
      return new Decision(null, "OpenBLAS's own detection (tangent.blas.kernels=openblas)", false);
    } else if (p.isEmpty() || p.equalsIgnoreCase("auto")) {
      choice = KernelSets.choose(cpu);
    } else {
      String named = KNOWN.stream().filter(k -> k.equalsIgnoreCase(p)).findFirst().orElse(null);
      choice = named != null ? new KernelSets.Choice(named, "tangent.blas.kernels=" + p)
          : withNote(KernelSets.choose(cpu), "tangent.blas.kernels=" + p + " is not a kernel set (" + String.join(", ", sorted()) + ")");
    }
    if (choice.core() == null) return new Decision(null, choice.reason(), false);
    boolean set = apply && Libc.setenvIfAbsent(VARIABLE, choice.core());
    if (apply && !set) return new Decision(null, choice.reason() + ", but " + VARIABLE + " could not be set", false);
    return new Decision(choice.core(), choice.reason(), apply);
  }

  private static KernelSets.Choice withNote(KernelSets.Choice c, String note) {
    return new KernelSets.Choice(c.core(), c.reason() + "; " + note);
  }

  private static java.util.List<String> sorted() {
    return KNOWN.stream().sorted().toList();
  }
}
