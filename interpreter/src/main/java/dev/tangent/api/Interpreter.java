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
  }

  /** Checks a program without running it: all syntax and static errors. */
  public List<TangentError> check(SourceFile source) {
    Parsing.Result parsed = Parsing.parse(source);
    if (!parsed.ok()) return parsed.errors();
    return Resolver.resolve(parsed.program(), env, false).errors;
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
  }

  /** Runs a compiled program; its result is the final expression's value (or nil). */
  public Object run(Compiled c) {
    FunctionCode code = c.code;
    Frame frame = new Frame(new Object[code.slotCount], new Cell[0], ctx, code);
    ctx.depth = 0;
    ctx.budget = 1 << 10;
    try {
      Object v = code.run(frame);
      return v == null ? Nil.NIL : v;
    } catch (TangentError e) {
      throw new TangentException(e);
    } catch (StackOverflowError e) {
      throw new TangentException(TangentError.runtime("stack overflow (recursion too deep)"));
    } catch (dev.tangent.exec.ControlSignal e) {
      return frame.ret == null ? Nil.NIL : frame.ret;
    } catch (RuntimeException e) {
      throw new TangentException(Internal.wrap(e, null, "the interpreter"));
    } finally {
      ctx.out.flush();
      ctx.clearInterrupt();
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
    ModuleValue m = modules.module(name);
    if (m == null) return false;
    env.imports.put(name, m);
    env.imports.putAll(m.exports());
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
  }
}
