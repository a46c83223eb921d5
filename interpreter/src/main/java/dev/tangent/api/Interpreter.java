package dev.tangent.api;

import dev.tangent.exec.Internal;
import dev.tangent.ast.Program;
import dev.tangent.compile.Compiler;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.parse.Parsing;
import dev.tangent.resolve.Environment;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Resolver;
import dev.tangent.exec.Cell;
import dev.tangent.spi.Context;
import dev.tangent.exec.Watchdog;
import dev.tangent.exec.Frame;
import dev.tangent.exec.FunctionCode;
import dev.tangent.spi.ModuleValue;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.Modules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * One interpreter session: its globals, imports and context. The pipeline is
 * parse, resolve, compile, run; it stops after any phase that reported errors.
 * The REPL, the command line, the embedding API and JSR-223 all go through {@link #compile}
 * and {@link #run}. Not thread-safe: one evaluation at a time (interrupt() excepted).
 */
public final class Interpreter {
  private final Environment env;
  private final Context ctx;
  private final Modules modules;
  /** Nesting of run(): a host callback may evaluate again inside a running evaluation. */
  private int runDepth;

  /** A compiled program: run it any number of times. */
  public static final class Compiled {
    final FunctionCode code;
    final SourceFile source;

    Compiled(FunctionCode code, SourceFile source) {
      this.code = code;
      this.source = source;
    }

    public SourceFile source() { return source; }
  }

  public Interpreter(PrintWriter out, PrintWriter err, Permissions permissions) {
    this.modules = Modules.get();
    this.env = new Environment(modules.prelude(), new Environment.ModuleLookup() {
      @Override public Object module(String name) { return modules.module(name); }
      @Override public Map<String, Object> exports(Object module) { return ((ModuleValue) module).exports(); }
      @Override public String refusal(String name) {
        return ctx.limits.importAllowed(name) ? null
            : "import of '" + name + "' is not allowed in this interpreter (its host refused it)";
      }
    });
    this.ctx = new Context(out, err, permissions, this);
  }

  public Context context() { return ctx; }
  public Environment environment() { return env; }
  public Modules modules() { return modules; }

  /**
   * Parses, resolves and compiles. In REPL mode top-level names may be redefined; with
   * {@code valueOfLast} a final expression statement becomes the program's result.
   */
  public Compiled compile(SourceFile source, boolean repl, boolean valueOfLast) {
    try {
      Parsing.Result parsed = Parsing.parse(source);
      if (!parsed.ok()) throw new TangentException(parsed.errors());
      Program program = parsed.program();
      Resolution res = Resolver.resolve(program, env, repl);
      if (!res.ok()) throw new TangentException(res.errors);
      FunctionCode code;
      try {
        code = Compiler.script(program, res, valueOfLast);
      } catch (RuntimeException e) {
        throw new TangentException(Internal.wrap(e, null, "the compiler"));
      }
      commit(res);
      return new Compiled(code, source);
    } catch (StackOverflowError e) {
      throw new TangentException(tooDeep(source));
    }
  }

  /**
   * Brackets are limited by the parser (Parsing.MAX_NESTING); an operator chain thousands of
   * terms long can still exhaust the stack of a phase that recurses over the tree.
   */
  private static TangentError tooDeep(SourceFile source) {
    return new TangentError(TangentError.Kind.SYNTAX, "the program is nested too deeply to compile "
        + "(an expression with thousands of operators or levels?)", source.span(0, Math.min(1, source.text().length())));
  }

  /** Checks a program without running it: all syntax and static errors. */
  public List<TangentError> check(SourceFile source) {
    try {
      Parsing.Result parsed = Parsing.parse(source);
      if (!parsed.ok()) return checkByStatements(source, parsed.errors());
      return Resolver.resolve(parsed.program(), env, false).errors;
    } catch (StackOverflowError e) {
      return List.of(tooDeep(source));
    }
  }

  /**
   * A file with syntax errors, checked statement by statement: the syntax errors of each
   * top-level statement that does not parse, and the static errors of all those that do. Names a
   * broken statement would define (fn/let/var NAME) are taken as defined, so that its syntax
   * error does not also make every use of the name an error.
   */
  private List<TangentError> checkByStatements(SourceFile source, List<TangentError> wholeFile) {
    List<int[]> chunks = dev.tangent.parse.StatementChunks.ranges(source.text());
    // Each statement is parsed as a copy of the file: bound the work for a huge broken file.
    if ((long) chunks.size() * source.text().length() > 20_000_000L) return wholeFile;
    List<TangentError> errors = new java.util.ArrayList<>();
    List<dev.tangent.ast.Stmt> parsedStmts = new java.util.ArrayList<>();
    java.util.regex.Pattern defines = java.util.regex.Pattern.compile("^\\s*(?:fn|let|var)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    for (int[] r : chunks) {
      Parsing.Result p = Parsing.parse(dev.tangent.parse.StatementChunks.only(source, r[0], r[1]));
      if (p.ok()) {
        parsedStmts.addAll(p.program().statements());
      } else {
        errors.addAll(p.errors());
        java.util.regex.Matcher m = defines.matcher(source.text().substring(r[0], r[1]));
        if (m.find() && getGlobal(m.group(1)) == null) setGlobal(m.group(1), Nil.NIL);
      }
    }
    if (!parsedStmts.isEmpty()) errors.addAll(Resolver.resolve(new Program(source, parsedStmts), env, false).errors);
    errors.sort(java.util.Comparator.comparingInt((TangentError e) -> e.span() == null ? 0 : e.span().start()));
    return errors;
  }

  private void commit(Resolution res) {
    for (GlobalVar g : res.newGlobals.values()) {
      GlobalVar existing = env.globals.get(g.name);
      if (existing != null && existing.cell == g.cell) {
        existing.mutable = g.mutable;
        existing.function = g.function;
        existing.declared = g.declared;
      } else {
        env.globals.put(g.name, g);
      }
    }
    env.imports.putAll(res.newImports);
    env.importedModules.addAll(res.newModules);
  }

  /**
   * Runs a compiled program; its result is the final expression's value (or nil).
   * An interrupt requested while no evaluation runs is dropped here, so it cannot stop the next
   * one; an interrupt that arrives during a call that cannot be stopped (a native kernel) is
   * honoured when the call returns, even when it was the program's last statement.
   */
  public Object run(Compiled c) {
    FunctionCode code = c.code;
    Frame frame = new Frame(new Object[code.slotCount], new Cell[0], ctx, code);
    return guarded(() -> {
      try {
        return code.run(frame);
      } catch (dev.tangent.exec.ControlSignal e) {
        return frame.ret;
      }
    });
  }

  /** Calls a script function or built-in from the host, under the same guard as {@link #run}. */
  public Object callValue(dev.tangent.spi.Callable fn, Object[] args) {
    return guarded(() -> fn.call(ctx, args, null));
  }

  /** Java work that calls script functions, as one evaluation (function shipping's chunks of elements). */
  Object evaluate(java.util.function.Supplier<Object> work) {
    return guarded(work);
  }

  /**
   * Every evaluation the host starts runs here: this thread's current context, the time-limit
   * watchdog, interrupts (dropped before, honoured after), and language errors for everything
   * that can go wrong, out of memory included.
   */
  private Object guarded(java.util.function.Supplier<Object> body) {
    boolean outermost = runDepth++ == 0;
    if (outermost) {
      ctx.clearInterrupt();
      ctx.depth = 0;
      dev.tangent.spi.OutOfMemory.replenish();
    }
    ctx.budget = 1 << 10;
    Context previous = ctx.enter();
    Watchdog.Lease watch = outermost ? Watchdog.watch(ctx) : null;
    try {
      Object v = body.get();
      if (outermost) ctx.checkInterrupt();
      return v == null ? Nil.NIL : v;
    } catch (TangentError e) {
      throw new TangentException(e);
    } catch (StackOverflowError e) {
      throw new TangentException(TangentError.runtime("stack overflow (recursion too deep)"));
    } catch (OutOfMemoryError e) {
      throw new TangentException(dev.tangent.spi.OutOfMemory.error(e, null));
    } catch (RuntimeException e) {
      throw new TangentException(Internal.wrap(e, null, "the interpreter"));
    } finally {
      if (watch != null) watch.close();
      Context.exit(previous);
      runDepth--;
      try {
        ctx.out.flush();
      } finally {
        if (outermost) ctx.clearInterrupt();
      }
    }
  }

  public Object eval(SourceFile source, boolean repl) {
    return run(compile(source, repl, true));
  }

  public Object eval(String code) {
    return eval(new SourceFile("<eval>", code), false);
  }

  /** Imports a module as `import name` would; false if there is no such module. */
  public boolean importModule(String name) {
    if (!ctx.limits.importAllowed(name)) {
      throw new TangentException(TangentError.runtime("import of '" + name + "' is not allowed in this interpreter (its host refused it)"));
    }
    ModuleValue m = modules.module(name);
    if (m == null) return false;
    env.imports.put(name, m);
    env.imports.putAll(m.exports());
    env.importedModules.add(name);
    return true;
  }

  /** Sets a top-level variable (mutable), creating it if needed. */
  public void setGlobal(String name, Object value) {
    GlobalVar g = env.globals.get(name);
    if (g == null) {
      g = new GlobalVar(name, new Cell(value), true, null, null);
      env.globals.put(name, g);
    } else {
      g.cell.value = value;
      g.mutable = true;
      g.function = null;
    }
  }

  /** A top-level variable's value, or null when it is not defined. */
  public Object getGlobal(String name) {
    GlobalVar g = env.globals.get(name);
    if (g == null || g.cell.value == Cell.UNINIT) return null;
    return g.cell.value;
  }

  /** Asks the running evaluation to stop. Safe from any thread. */
  public void interrupt() {
    ctx.interrupt();
  }

  /** Forgets all globals and imports. */
  public void reset() {
    env.globals.clear();
    env.imports.clear();
    env.importedModules.clear();
  }
}
