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
 */
public final class TangentScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
  private final ScriptEngineFactory factory;
  private final Interpreter interp;

  TangentScriptEngine(ScriptEngineFactory factory) {
    this.factory = factory;
    this.interp = new Interpreter(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Permissions.none());
  }

  /** Starts the engine's scripts with a module imported (engines of a module's file extension). */
  void importModule(String module) {
    interp.importModule(module);
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
    try {
      return Interop.toJava(c.call(interp.context(), values, null));
    } catch (TangentError e) {
      throw scriptException(new TangentException(e));
    } finally {
      interp.context().out.flush();
    }
  }

  private Interpreter.Compiled compileSource(String script, ScriptContext context) throws ScriptException {
    Object file = context.getAttribute(ScriptEngine.FILENAME);
    try {
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
