package dev.tangent.nn.engine;

import dev.tangent.spi.TangentError;

/**
 * Turns what DJL and libtorch throw into a one-line TangentError. This class must not name a DJL
 * type (it is loaded with the module, before the engine starts), so it matches on class names.
 */
public final class Errors {
  private Errors() {}

  public static RuntimeException translate(String fn, RuntimeException e) {
    if (e instanceof TangentError t) return t;
    String msg = clean(e.getMessage());
    String cls = e.getClass().getName();
    if (cls.startsWith("ai.djl.engine.EngineException") && msg.startsWith("Failed to load PyTorch")) {
      return TangentError.runtime(fn + "(): could not start the PyTorch engine: " + rootMessage(e));
    }
    if (msg.contains("Native resource has been released")) {
      return TangentError.runtime(fn + "(): this DTensor was freed (arrays created inside a train() step "
          + "live only for that step; keep a copy with .detach() or .tensor())");
    }
    if (msg.isEmpty()) msg = e.getClass().getSimpleName();
    return TangentError.runtime(fn + "(): " + msg);
  }

  /** libtorch messages carry a C++ backtrace after the first lines; keep what a user reads. */
  public static String clean(String m) {
    if (m == null) return "";
    int cut = m.indexOf("\nException raised from");
    if (cut >= 0) m = m.substring(0, cut);
    cut = m.indexOf("\nframe #");
    if (cut >= 0) m = m.substring(0, cut);
    return m.strip().replace('\n', ' ');
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t == e ? clean(e.getMessage()) : clean(e.getMessage()) + " (" + clean(String.valueOf(t.getMessage())) + ")";
  }
}
