package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import dev.tangent.resolve.Environment;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.Types;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a name or dotted name means in a REPL session, found without running script code: a step
 * goes only through module exports, record fields and a value's own members (such as SE3.exp),
 * never through a property getter or a call. Completion and :doc use it.
 */
final class NameLookup {
  private final Supplier<Interpreter> interpreter;

  NameLookup(Supplier<Interpreter> interpreter) {
    this.interpreter = interpreter;
  }

  /** A top-level name: a global, then an imported name, then a prelude name; null if none. */
  Object top(String name) {
    Interpreter interp = interpreter.get();
    Object v = interp.getGlobal(name);
    if (v != null) return v;
    Environment env = interp.environment();
    v = env.imports.get(name);
    return v != null ? v : env.prelude.get(name);
  }

  /** The value of {@code a.b.c}, or null when some step does not exist (or is not plain data). */
  Object dotted(String path) {
    String[] parts = path.split("\\.", -1);
    Object v = isName(parts[0]) ? top(parts[0]) : null;
    for (int i = 1; i < parts.length && v != null; i++) v = isName(parts[i]) ? member(v, parts[i]) : null;
    return v;
  }

  /** Like {@link #dotted}, but a last step may also name a method or property of the value's type. */
  Object documented(String path) {
    Object v = dotted(path);
    int dot = path.lastIndexOf('.');
    if (v != null || dot < 0) return v;
    Object receiver = dotted(path.substring(0, dot));
    if (receiver == null) return null;
    String name = path.substring(dot + 1);
    TypeInfo info = Types.of(receiver.getClass());
    Builtin b = info.method(name);
    return b != null ? b : info.property(name);
  }

  static Object member(Object v, String name) {
    if (v instanceof TMap m) return m.has(name) ? m.get(name) : null;
    if (v instanceof HasMembers hm) return hm.member(name);
    return null;
  }

  /** Every name in scope, in order of precedence: globals, imports, prelude. */
  Set<String> namesInScope() {
    Interpreter interp = interpreter.get();
    Environment env = interp.environment();
    Set<String> out = new LinkedHashSet<>();
    env.globals.forEach((name, g) -> {
      if (interp.getGlobal(name) != null) out.add(name);
    });
    out.addAll(env.imports.keySet());
    out.addAll(env.prelude.keySet());
    return out;
  }

  /** The modules `import` can name. */
  java.util.List<String> modules() {
    return interpreter.get().modules().names();
  }

  boolean isGlobal(String name) {
    return interpreter.get().getGlobal(name) != null;
  }

  boolean isImported(String name) {
    return interpreter.get().environment().imports.containsKey(name);
  }

  static boolean isName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
    }
    return true;
  }
}
