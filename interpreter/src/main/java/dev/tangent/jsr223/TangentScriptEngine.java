package dev.tangent.jsr223;

import dev.tangent.spi.Interop;
import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Callable;
import dev.tangent.exec.Members;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * The JSR-223 engine. Engine-scope bindings become globals before each evaluation and are
 * updated from them afterwards. Output goes to the script context's writer. Scripts run
 * sandboxed, as in any embedding: no files, processes or Java classes.
 *
 * <p>Limits come from attributes of the script context (engine or global scope), read before
 * each evaluation: {@value #TIME_LIMIT_MS} (milliseconds per evaluation), {@value #MAX_ELEMENTS}
 * (largest tensor or collection), {@value #REFUSE_IMPORTS} (comma-separated module names) and
 * {@value #NATIVE_DIR} (where native libraries are unpacked; JVM-wide, first setting wins).
 */
public final class TangentScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
  public static final String TIME_LIMIT_MS = "tangent.timeLimitMillis";
  public static final String MAX_ELEMENTS = "tangent.maxElements";
  public static final String REFUSE_IMPORTS = "tangent.refuseImports";
  public static final String NATIVE_DIR = "tangent.nativeLibraryDir";

  private final ScriptEngineFactory factory;
  private final Interpreter interp;

  TangentScriptEngine(ScriptEngineFactory factory, String defaultModule) {
    this.factory = factory;
    this.interp = new Interpreter(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Permissions.none());
    // Like `tangent run x.lie`: an engine found by the extension lie starts with lie imported.
    if (defaultModule != null && interp.modules().has(defaultModule)) interp.importModule(defaultModule);
  }

  /** The limits named by the context's attributes (see the class comment). */
  private void applyLimits(ScriptContext context) throws ScriptException {
    dev.tangent.spi.Limits l = dev.tangent.spi.Limits.NONE;
    try {
      Object t = context.getAttribute(TIME_LIMIT_MS);
      if (t != null) l = l.withTimeLimit(java.time.Duration.ofMillis(number(t)));
      Object n = context.getAttribute(MAX_ELEMENTS);
      if (n != null) l = l.withMaxElements(number(n));
      Object r = context.getAttribute(REFUSE_IMPORTS);
      if (r != null) {
        for (String m : r.toString().split(",")) if (!m.isBlank()) l = l.withRefusedImport(m.trim());
      }
      Object d = context.getAttribute(NATIVE_DIR);
      if (d != null) dev.tangent.spi.NativeLibraries.useDirectory(java.nio.file.Path.of(d.toString()));
    } catch (IllegalArgumentException e) {
      throw new ScriptException("bad tangent.* limit attribute: " + e.getMessage());
    }
    interp.context().limits = l;
  }

  private static long number(Object v) {
    if (v instanceof Number x) return x.longValue();
    return Long.parseLong(v.toString().trim());
  }

  @Override public Object eval(String script, ScriptContext context) throws ScriptException {
    return run(compileSource(script, context), context);
  }

  @Override public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    return eval(read(reader), context);
  }

  @Override public Bindings createBindings() { return new SimpleBindings(); }
  @Override public ScriptEngineFactory getFactory() { return factory; }

  @Override public CompiledScript compile(String script) throws ScriptException {
    Interpreter.Compiled c = compileSource(script, getContext());
    return new CompiledScript() {
      @Override public Object eval(ScriptContext context) throws ScriptException { return run(c, context); }
      @Override public ScriptEngine getEngine() { return TangentScriptEngine.this; }
    };
  }

  @Override public CompiledScript compile(Reader script) throws ScriptException {
    return compile(read(script));
  }

  @Override public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
    Object fn = interp.getGlobal(name);
    if (!(fn instanceof Callable c)) throw new NoSuchMethodException(name);
    return call(c, args);
  }

  @Override public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
    Object target = Interop.toTangent(thiz);
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) values[i] = Interop.toTangent(args[i]);
    try {
      return Interop.toJava(Members.call(interp.context(), target, name, values, null));
    } catch (TangentError e) {
      if (e.getMessage().contains("has no member")) throw new NoSuchMethodException(name);
      throw scriptException(new TangentException(e));
    }
  }

  @Override public <T> T getInterface(Class<T> type) {
    return proxy(type, null);
  }

  @Override public <T> T getInterface(Object thiz, Class<T> type) {
    return proxy(type, thiz);
  }

  private <T> T proxy(Class<T> type, Object thiz) {
    if (type == null || !type.isInterface()) throw new IllegalArgumentException("not an interface: " + type);
    for (java.lang.reflect.Method m : type.getMethods()) {
      if (thiz == null && !(interp.getGlobal(m.getName()) instanceof Callable)) return null;
    }
    Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      Object[] a = args == null ? new Object[0] : args;
      Object r = thiz == null ? invokeFunction(method.getName(), a) : invokeMethod(thiz, method.getName(), a);
      if (method.getReturnType() == double.class && r instanceof Double) return r;
      if (method.getReturnType() == int.class && r instanceof Double d) return d.intValue();
      if (method.getReturnType() == long.class && r instanceof Double d) return d.longValue();
      return r;
    });
    return type.cast(p);
  }

  private Object call(Callable c, Object[] args) throws ScriptException {
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) values[i] = Interop.toTangent(args[i]);
    applyLimits(getContext());
    try {
      return Interop.toJava(interp.callValue(c, values));
    } catch (TangentException e) {
      throw scriptException(e);
    }
  }

  private Interpreter.Compiled compileSource(String script, ScriptContext context) throws ScriptException {
    Object file = context.getAttribute(ScriptEngine.FILENAME);
    try {
      applyLimits(context);
      pushBindings(context);
      return interp.compile(new SourceFile(file != null ? file.toString() : "<eval>", script), true, true);
    } catch (TangentException e) {
      throw scriptException(e);
    }
  }

  private Object run(Interpreter.Compiled c, ScriptContext context) throws ScriptException {
    Writer w = context.getWriter();
    Writer ew = context.getErrorWriter();
    interp.context().out = w instanceof PrintWriter p ? p : new PrintWriter(w, true);
    interp.context().err = ew instanceof PrintWriter p ? p : new PrintWriter(ew, true);
    applyLimits(context);
    pushBindings(context);
    try {
      return Interop.toJava(interp.run(c));
    } catch (TangentException e) {
      throw scriptException(e);
    } finally {
      pullBindings(context);
    }
  }

  private void pushBindings(ScriptContext context) {
    Bindings b = context.getBindings(ScriptContext.ENGINE_SCOPE);
    if (b == null) return;
    for (Map.Entry<String, Object> e : b.entrySet()) {
      if (e.getKey().startsWith("javax.script.")) continue;
      if (!dev.tangent.spi.Display.isIdentifier(e.getKey())) continue;
      interp.setGlobal(e.getKey(), Interop.toTangent(e.getValue()));
    }
  }

  private void pullBindings(ScriptContext context) {
    Bindings b = context.getBindings(ScriptContext.ENGINE_SCOPE);
    if (b == null) return;
    for (String name : interp.environment().globals.keySet()) {
      Object v = interp.getGlobal(name);
      if (v != null && !(v instanceof Callable)) b.put(name, Interop.toJava(v));
    }
  }

  private static ScriptException scriptException(TangentException e) {
    TangentError first = e.first();
    Span s = first.span();
    ScriptException se = s == null ? new ScriptException(e.format())
        : new ScriptException(e.format(), s.source().name(), s.line(), s.column());
    se.initCause(e);
    return se;
  }

  private static String read(Reader r) throws ScriptException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0) sb.append(buf, 0, n);
      return sb.toString();
    } catch (IOException e) {
      throw new ScriptException(e);
    }
  }
}
