package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import dev.tangent.diag.SourceFile;
import dev.tangent.parse.Parsing;
import dev.tangent.spi.InteractiveConsole;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The interpreter behind the REPL. Entries run one at a time on a worker thread with a big stack,
 * so the REPL's own thread stays free to pass Ctrl-C on ({@link #interrupt}). The interpreter is
 * made on that worker too, in the background ({@link #start}), so the prompt does not wait for it.
 */
final class ReplSession implements AutoCloseable {
  /**
   * Each entry is its own source, so line numbers are its own, and is named by its number:
   * an error in a function defined three entries ago points at {@code <repl#3>:2:5}.
   */
  static String source(int entry) {
    return "<repl#" + entry + ">";
  }

  private int entries;

  private final PrintWriter out;
  private final PrintWriter err;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(BigStack.threads("tangent-repl-eval"));
  private Future<Interpreter> interpreter;
  private volatile Thread running;
  private volatile int interrupts;

  ReplSession(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Starts making the interpreter, in the background; {@code console} is its ctx.console. */
  synchronized void start(InteractiveConsole console) {
    if (interpreter != null) return;
    interpreter = worker.submit(() -> {
      // The REPL acts for the user at the keyboard: it may do what the user may do.
      Interpreter i = new Interpreter(out, err, Permissions.all());
      i.context().console = console;
      Parsing.isIncomplete("f(1) +");  // the lexer and parser, ready for the first entry
      return i;
    });
  }

  /** The interpreter, once made (this waits for it). */
  Interpreter interp() {
    Future<Interpreter> f;
    synchronized (this) {
      if (interpreter == null) start(null);
      f = interpreter;
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error er) throw er;
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the interpreter was starting", e);
    }
  }

  /** Compiles and runs one entry; its value is that of its last expression (nil if none). */
  Object evaluate(String code) throws Exception {
    return onWorker(() -> {
      Interpreter interp = interp();
      return interp.run(interp.compile(new SourceFile(source(++entries), code), true, true));
    });
  }

  /** Runs a script file in this session: its top-level names stay defined. */
  void load(Path file, String text, String module) throws Exception {
    onWorker(() -> {
      Interpreter interp = interp();
      if (module != null) interp.importModule(module);
      return interp.run(interp.compile(new SourceFile(file.toString(), text), true, false));
    });
  }

  /** `_` holds the last value that was not nil. */
  void remember(Object value) {
    if (value != null && value != Nil.NIL) interp().setGlobal("_", value);
  }

  /**
   * Ctrl-C during an evaluation: the interpreter stops at its next loop iteration or call. A
   * second Ctrl-C also interrupts the thread, for a built-in blocked in a sleep or in I/O.
   */
  void interrupt() {
    Future<Interpreter> f;
    synchronized (this) {
      f = interpreter;
    }
    if (f == null || !f.isDone()) return;
    interp().interrupt();
    Thread t = running;
    if (++interrupts >= 2 && t != null) t.interrupt();
  }

  private <T> T onWorker(Callable<T> work) throws Exception {
    interrupts = 0;
    Future<T> result = worker.submit(() -> {
      running = Thread.currentThread();
      interp().context().clearInterrupt();  // a Ctrl-C that came after the previous entry ended
      try {
        return work.call();
      } finally {
        running = null;
      }
    });
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) throw ex;
      if (cause instanceof Error er) throw er;
      throw e;
    }
  }

  void reset() {
    interp().reset();
  }

  @Override public void close() {
    worker.shutdownNow();
  }
}
