package dev.tangent.repl;

import dev.tangent.api.TangentException;
import dev.tangent.spi.TangentError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints errors the way the user should see them: language errors as FILE:LINE:COL plus source
 * and script frames, anything else as one line. Java stack traces only with --debug.
 */
final class ErrorPrinter {
  static final String DEBUG_HINT = "this is a bug in Tangent; run with --debug for the Java stack trace";

  private final PrintWriter err;
  private final boolean debug;

  ErrorPrinter(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** Prints a language error (all of a program's static errors, in source order); returns its exit code. */
  int print(TangentException e) {
    err.println(format(e));
    if (debug) {
      for (TangentError te : e.errors()) {
        if (te.getCause() != null) te.getCause().printStackTrace(err);
      }
    }
    err.flush();
    return e.exitCode();
  }

  /** The errors' text; a program's syntax and static errors are listed in the order of the source. */
  static String format(TangentException e) {
    List<TangentError> errors = new ArrayList<>(e.errors());
    if (errors.size() < 2 || errors.stream().anyMatch(x -> x.span() == null)) return e.format();
    errors.sort(Comparator.comparing((TangentError x) -> x.span().source().name())
        .thenComparingInt(x -> x.span().start()));
    return new TangentException(errors).format();
  }

  /** Prints an unexpected Java exception (a bug in Tangent); returns the exit code for it. */
  int printInternal(Throwable t) {
    if (t instanceof TangentException te) return print(te);
    if (t instanceof TangentError te) return print(new TangentException(te));
    if (t instanceof StackOverflowError) {
      err.println("error: stack overflow (the program is nested too deeply)");
      err.flush();
      return ExitCodes.RUNTIME_ERROR;
    }
    String what = t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    err.println("internal error: " + what);
    if (debug) t.printStackTrace(err);
    else err.println("  hint: " + DEBUG_HINT);
    err.flush();
    return ExitCodes.RUNTIME_ERROR;
  }
}
