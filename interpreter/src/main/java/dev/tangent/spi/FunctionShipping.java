package dev.tangent.spi;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Functions written in Tangent, taken apart so that another interpreter can rebuild them, in this
 * JVM or another one: the spark module sends a lambda to its executors as its source text and the
 * values of the names it uses from outside. The interpreter implements it (found with
 * ServiceLoader); modules reach it through {@link #get()}.
 */
public interface FunctionShipping {
  /** The interpreter's implementation. */
  static FunctionShipping get() {
    return ShippingLoader.INSTANCE;
  }

  /**
   * A user function's parts, or null for anything else (a built-in, a bound method, a type).
   * {@code ctx} is the context of the interpreter that made it: its imported modules are listed.
   */
  FunctionParts parts(Callable fn, Context ctx);

  /** The modules the interpreter of {@code ctx} has imported, in order. */
  List<String> modules(Context ctx);

  /** A new interpreter that rebuilds and runs shipped functions (one thread at a time). */
  ScriptHost host(PrintWriter out, PrintWriter err, Permissions permissions);

  /** An error written down to travel back from another interpreter (another JVM). */
  RemoteError remote(TangentError error);

  /**
   * The error again, for an error that another interpreter raised running shipped functions:
   * positions are found by source name among the sources of {@code functions} (the user functions
   * that were shipped), so that the message shows the original lines; {@code hint}, when given,
   * replaces the error's own.
   */
  TangentError error(RemoteError error, String hint, Collection<? extends Callable> functions);

  /** A language error as plain data: kind, message, hint, where, and the script frames it left. */
  record RemoteError(TangentError.Kind kind, String message, String hint, Position at, List<RemoteFrame> frames)
      implements java.io.Serializable {}

  /**
   * Where an error happened: a source's name, a digest of its text (several sources may share a
   * name, such as "<eval>") and a character range in it.
   */
  record Position(String source, int textHash, int start, int end) implements java.io.Serializable {}

  /** One script frame of an error raised elsewhere. */
  record RemoteFrame(String function, Position at, long times) implements java.io.Serializable {}

  /**
   * A user function taken apart. {@code text} is the whole source it was written in and
   * [{@code start}, {@code end}) its own text (a lambda, fn(...) {...} or a fn declaration named
   * {@code name}). {@code outside} maps every name it uses from outside itself (captured
   * variables, globals of its script, imported and built-in names) to its value now; names not yet
   * defined are left out. {@code modules} are the modules its interpreter had imported.
   */
  record FunctionParts(String name, String sourceName, String text, int start, int end,
                       Map<String, Object> outside, List<String> modules) {
    /** True for a `fn name(...)` declaration (a statement), false for a lambda or fn expression. */
    public boolean declaration() { return !name.startsWith("<"); }
  }

  /**
   * An interpreter that rebuilds shipped functions, each in an environment of its own (two
   * functions may use one name for different values), and calls them.
   */
  interface ScriptHost {
    Context context();

    /**
     * Compiles a function from its parts: its own text is parsed where it stood (positions in
     * errors are those of the original source) against the globals {@code names}, which are
     * nil until {@link Rebuilt#set} gives them values. A syntax or static error is thrown.
     */
    Rebuilt rebuild(String name, String sourceName, String text, int start, int end, Collection<String> names);

    /** Calls a function as the host's evaluations run: interrupts, limits and errors as TangentError. */
    Object call(Callable fn, Object... args);

    /**
     * Runs work that calls functions (with {@code context().call}) as one evaluation of the host,
     * as {@link #call} runs one call: what an evaluation costs to set up and check (the
     * watchdog, the interrupt and memory checks) is paid once for all the calls, such as a
     * task's chunk of elements.
     */
    <T> T run(java.util.function.Supplier<T> work);
  }

  /** A rebuilt function and the globals it reads. */
  interface Rebuilt {
    Callable function();

    void set(String name, Object value);
  }
}

final class ShippingLoader {
  private ShippingLoader() {}

  static final FunctionShipping INSTANCE = load();

  private static FunctionShipping load() {
    for (FunctionShipping s : ServiceLoader.load(FunctionShipping.class, FunctionShipping.class.getClassLoader())) return s;
    throw new IllegalStateException("no FunctionShipping implementation on the class path (tangent-interpreter is incomplete)");
  }
}
