package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a script runs from the command line: the first asks the interpreter to stop (the
 * script ends with an "interrupted" error and exit status 130); a second one, for a script stuck
 * where it cannot poll, ends the process at once.
 *
 * <p>sun.misc.Signal directly, not JLine's Signals: JLine logs through java.util.logging, whose
 * first use looks up logging services in every jar of the class path (0.1-0.2 s of each start
 * with Spark's jars on it).
 */
final class SigInt implements AutoCloseable {
  private static final Signal INT = new Signal("INT");
  private final SignalHandler previous;
  private volatile boolean requested;

  SigInt(Interpreter interp) {
    SignalHandler before;
    try {
      before = Signal.handle(INT, sig -> {
        if (requested) Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        requested = true;
        interp.interrupt();
      });
    } catch (IllegalArgumentException e) {
      before = null; // the JVM was started with -Xrs, or INT is not available here: Ctrl-C ends the process
    }
    previous = before;
  }

  @Override public void close() {
    if (previous != null) Signal.handle(INT, previous);
  }
}
