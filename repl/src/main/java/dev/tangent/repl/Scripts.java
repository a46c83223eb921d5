package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line does with code: {@code run FILE}, {@code -e CODE} and {@code check FILE...}.
 * Each returns the process exit status; errors go to {@code err}, script output to {@code out}.
 */
final class Scripts {
  private final PrintWriter out;
  private final PrintWriter err;
  private final ErrorPrinter errors;

  Scripts(PrintWriter out, PrintWriter err, boolean debug) {
    this.out = out;
    this.err = err;
    this.errors = new ErrorPrinter(err, debug);
  }

  private Interpreter interpreter() {
    // The command line acts for the user: the script may do what the user may do.
    return new Interpreter(out, err, Permissions.all());
  }

  /** Runs a script file; the script sees its arguments as `args`. */
  int run(Path file, List<String> args) {
    String text;
    String module;
    try {
      text = ScriptFiles.read(file);
      module = ScriptFiles.defaultModule(file);
    } catch (ScriptFiles.Unreadable e) {
      return usage(e.getMessage());
    }
    Interpreter interp = interpreter();
    return execute(interp, () -> {
      if (module != null) interp.importModule(module);
      interp.setGlobal("args", new TList(args));
      interp.run(interp.compile(new SourceFile(file.toString(), text), false, false));
      return Nil.NIL;
    });
  }

  /** Evaluates a one-liner and prints the value of its last expression (unless nil). */
  int eval(String code) {
    Interpreter interp = interpreter();
    return execute(interp, () -> interp.run(interp.compile(new SourceFile("<eval>", code), false, true)));
  }

  /** Parses and resolves every file without running any; reports all errors of all files. */
  int check(List<Path> files) {
    int errorCount = 0;
    int badFiles = 0;
    boolean unreadable = false;
    for (Path file : files) {
      String text;
      String module;
      try {
        text = ScriptFiles.read(file);
        module = ScriptFiles.defaultModule(file);
      } catch (ScriptFiles.Unreadable e) {
        err.println("tangent: " + e.getMessage());
        unreadable = true;
        continue;
      }
      Interpreter interp = interpreter();
      List<TangentError> found = new ArrayList<>();
      try {
        found = BigStack.call("tangent-check", () -> {
          if (module != null) interp.importModule(module);
          interp.setGlobal("args", new TList());
          return interp.check(new SourceFile(file.toString(), text));
        });
      } catch (Throwable t) {
        return errors.printInternal(t);
      }
      if (!found.isEmpty()) {
        err.println(ErrorPrinter.format(new TangentException(found)));
        errorCount += found.size();
        badFiles++;
      }
    }
    if (errorCount > 0) {
      err.println(errorCount + (errorCount == 1 ? " error" : " errors") + " in " + badFiles
          + (badFiles == 1 ? " file" : " files"));
    }
    err.flush();
    if (errorCount > 0) return ExitCodes.STATIC_ERROR;
    return unreadable ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** Runs script work on a big-stack thread with Ctrl-C wired to the interpreter; prints the result. */
  private int execute(Interpreter interp, java.util.concurrent.Callable<Object> work) {
    try (SigInt sigint = new SigInt(interp)) {
      Object value = BigStack.call("tangent-main", work);
      if (value != null && value != Nil.NIL) out.println(Display.repr(value));
      out.flush();
      return ExitCodes.OK;
    } catch (Throwable t) {
      // A reader that closed the pipe wants no more output, and no error either.
      if (CheckedOutput.stdoutClosed()) return ExitCodes.BROKEN_PIPE;
      if (t instanceof TangentException e) return errors.print(e);
      return errors.printInternal(t);
    } finally {
      try {
        out.flush();
      } catch (RuntimeException e) {
        // Reported above (the flush in the try), or the pipe is closed.
      }
      err.flush();
    }
  }

  private int usage(String message) {
    err.println("tangent: " + message);
    err.flush();
    return ExitCodes.USAGE;
  }
}
