package dev.tangent.exec;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;

/** Java exceptions escaping a built-in become one-line internal errors, never stack traces. */
public final class Internal {
  private Internal() {}

  public static TangentError wrap(RuntimeException e, Span span, String where) {
    if (e instanceof TangentError te) return te;
    String what = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    return new TangentError(TangentError.Kind.INTERNAL, "in " + where + ": " + what, span, e)
        .withHint("this is a bug in Tangent; run with --debug for the Java stack trace");
  }
}
