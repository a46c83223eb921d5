package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import org.jline.utils.Signals;

/**
 * Ctrl-C while a script runs from the command line: the first asks the interpreter to stop (the
 * script ends with an "interrupted" error and exit status 130); a second one, for a script stuck
 * where it cannot poll, ends the process at once.
 */
final class SigInt implements AutoCloseable {
  private final Object previous;
  private volatile boolean requested;

  SigInt(Interpreter interp) {
    previous = Signals.register("INT", () -> {
      if (requested) Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
      requested = true;
      interp.interrupt();
    });
  }

  @Override public void close() {
    Signals.unregister("INT", previous);
  }
}
