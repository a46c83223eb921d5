package dev.tangent.api;

import dev.tangent.ast.Program;
import dev.tangent.compile.Compiler;
import dev.tangent.diag.SourceFile;
import dev.tangent.diag.Span;
import dev.tangent.exec.Cell;
import dev.tangent.exec.Closure;
import dev.tangent.exec.FunctionCode;
import dev.tangent.exec.OutsideNames;
import dev.tangent.parse.Parsing;
import dev.tangent.parse.StatementChunks;
import dev.tangent.resolve.Environment;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Resolver;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TangentError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The interpreter's side of {@link FunctionShipping}: closures taken apart and rebuilt. */
public final class Shipping implements FunctionShipping {
  @Override public FunctionParts parts(Callable fn, Context ctx) {
    if (!(fn instanceof Closure c)) return null;
    FunctionCode code = c.code;
    OutsideNames names = code.outside;
    if (code.span == null || names == null) return null;
    Map<String, Object> outside = new LinkedHashMap<>();
    for (int i = 0; i < names.upvalues.length; i++) {
      Object v = c.upvalues[i].value;
      if (v != Cell.UNINIT) outside.put(names.upvalues[i], v);
    }
    names.globals.forEach((n, cell) -> {
      if (cell.value != Cell.UNINIT) outside.putIfAbsent(n, cell.value);
    });
    names.constants.forEach(outside::putIfAbsent);
    List<String> modules = modules(ctx);
    Span s = code.span;
    return new FunctionParts(code.name, s.source().name(), s.source().text(), s.start(), s.end(), outside, modules);
  }

  @Override public List<String> modules(Context ctx) {
    return ctx != null && ctx.host instanceof Interpreter in ? List.copyOf(in.environment().importedModules) : List.of();
  }

  @Override public ScriptHost host(PrintWriter out, PrintWriter err, Permissions permissions) {
    return new Host(new Interpreter(out, err, permissions));
  }

  @Override public RemoteError remote(TangentError e) {
    List<RemoteFrame> frames = new ArrayList<>();
    for (TangentError.Frame f : e.trace()) frames.add(new RemoteFrame(f.function(), position(f.span()), f.times()));
    return new RemoteError(e.kind(), e.getMessage(), e.hint(), position(e.span()), frames);
  }

  /** The texts rebuilt functions were cut from, by the blanked copy they were compiled from. */
  private static final Map<SourceFile, Integer> ORIGINALS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static Position position(Span s) {
    if (s == null) return null;
    Integer hash = ORIGINALS.get(s.source());
    return new Position(s.source().name(), hash != null ? hash : s.source().text().hashCode(), s.start(), s.end());
  }

  private static String key(SourceFile f) {
    return f.name() + "#" + f.text().hashCode();
  }

  @Override public TangentError error(RemoteError remote, String hint, Collection<? extends Callable> functions) {
    Map<String, SourceFile> sources = new HashMap<>();
    for (Callable f : functions) {
      if (f instanceof Closure c && c.code.span != null) sources.putIfAbsent(key(c.code.span.source()), c.code.span.source());
    }
    TangentError e = new TangentError(remote.kind(), remote.message(), span(remote.at(), sources));
    String h = hint != null ? hint : remote.hint();
    if (h != null) e.withHint(h);
    for (RemoteFrame f : remote.frames()) {
      Span sp = span(f.at(), sources);
      if (sp != null) e.trace().add(new TangentError.Frame(f.function(), sp, f.times()));
    }
    return e;
  }

  private static Span span(Position p, Map<String, SourceFile> sources) {
    if (p == null) return null;
    SourceFile src = sources.computeIfAbsent(p.source() + "#" + p.textHash(), k -> new SourceFile(p.source(), ""));
    int len = src.text().length();
    if (p.end() > len) return null;
    return src.span(Math.max(0, p.start()), Math.max(p.start(), p.end()));
  }

  /** One interpreter; each rebuilt function has an environment of its own. */
  private static final class Host implements ScriptHost {
    private final Interpreter interp;
    private final Map<String, Object> prelude;

    Host(Interpreter interp) {
      this.interp = interp;
      this.prelude = interp.environment().prelude;
    }

    @Override public Context context() { return interp.context(); }

    @Override public Rebuilt rebuild(String name, String sourceName, String text, int start, int end, Collection<String> names) {
      if (start < 0 || end > text.length() || start > end) {
        throw TangentError.runtime("a shipped function's range [" + start + ", " + end + ") lies outside its source");
      }
      Environment env = new Environment(prelude, interp.environment().modules);
      Map<String, Cell> cells = new HashMap<>();
      boolean declaration = !name.startsWith("<");
      for (String n : names) {
        if (declaration && n.equals(name)) continue;
        GlobalVar g = new GlobalVar(n, new Cell(Nil.NIL), true, null, null);
        env.globals.put(n, g);
        cells.put(n, g.cell);
      }
      SourceFile original = new SourceFile(sourceName, text);
      SourceFile src = StatementChunks.only(original, start, end);
      ORIGINALS.put(src, original.text().hashCode());
      Parsing.Result parsed = Parsing.parse(src);
      if (!parsed.ok()) throw parsed.errors().get(0);
      Program program = parsed.program();
      Resolution res = Resolver.resolve(program, env, true);
      if (!res.ok()) throw res.errors.get(0);
      FunctionCode code = Compiler.script(program, res, true);
      Object value;
      try {
        value = interp.run(new Interpreter.Compiled(code, src));
      } catch (TangentException e) {
        throw e.first();
      }
      if (declaration) {
        GlobalVar g = res.newGlobals.get(name);
        value = g == null ? null : g.cell.value;
      }
      if (!(value instanceof Closure fn)) {
        throw TangentError.runtime("the shipped text of " + name + " is not a function");
      }
      return new Rebuilt() {
        @Override public Callable function() { return fn; }

        @Override public void set(String n, Object v) {
          Cell cell = cells.get(n);
          if (cell != null) cell.value = v;
        }
      };
    }

    @Override public Object call(Callable fn, Object... args) {
      try {
        return interp.callValue(fn, args);
      } catch (TangentException e) {
        throw e.first();
      }
    }

    @SuppressWarnings("unchecked")
    @Override public <T> T run(java.util.function.Supplier<T> work) {
      try {
        Object v = interp.evaluate(work::get);
        return v == dev.tangent.spi.Nil.NIL ? null : (T) v;
      } catch (TangentException e) {
        throw e.first();
      }
    }
  }

}
