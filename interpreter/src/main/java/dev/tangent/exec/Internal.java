package dev.tangent.exec;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;

/** Java exceptions escaping a built-in become one-line internal errors, never stack traces. */
public final class Internal {
  private Internal() {}

  public static TangentError wrap(RuntimeException e, Span span, String where) {
    if (e instanceof TangentError te) return te;
    if (e instanceof dev.tangent.spi.Sizes.Invalid) {
      return new TangentError(TangentError.Kind.RUNTIME, e.getMessage(), span);
    }
    if (e instanceof java.nio.file.InvalidPathException ip) {
      return new TangentError(TangentError.Kind.RUNTIME, "in " + where + ": not a valid file path: "
          + dev.tangent.spi.Printable.of(ip.getInput(), 120) + " (" + ip.getReason() + ")", span);
    }
    if (e instanceof NegativeArraySizeException) {
      // An int size wrapped around: the request was too large, whatever built-in made it.
      return new TangentError(TangentError.Kind.RUNTIME, "in " + where + ": the requested size is too large"
          + " (more than 2^31 elements)", span);
    }
    String what = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    return new TangentError(TangentError.Kind.INTERNAL, "in " + where + ": " + what, span, e)
        .withHint("this is a bug in Tangent; run with --debug for the Java stack trace");
  }
}
