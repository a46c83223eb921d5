package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in's parameter list, written as the user reads it:
 * {@code "randn(*shape, seed=nil)"}, {@code "interpolate(X, Y, s, method='slerp')"}.
 * {@code *name} collects extra positional arguments, parameters after it are keyword-only,
 * {@code **name} collects unknown named arguments. A default's text is documentation; the
 * implementation supplies the value.
 */
public final class Signature {
  public enum Kind { NORMAL, VARARGS, KEYWORD_ONLY, KWARGS }

  public record Param(String name, Kind kind, boolean optional, String defaultText) {
    /** Names are interned, as the compiler interns the names at call sites: equals() then hits ==. */
    public Param {
      if (name != null) name = name.intern();
    }
  }

  public final String name;
  public final String text;
  final Param[] params;
  final int positionalCount;   // NORMAL params
  final int requiredCount;     // NORMAL params without default
  final int varargs;           // index or -1
  final int kwargs;            // index or -1
  /** No keyword-only parameter is required: a positional call that fills the required ones fits. */
  private final boolean positionalSuffices;
  /** Positional arguments needed to reach the last required positional parameter. */
  private final int minPositional;
  /** "f(): argument 'x'" per parameter, made on first use (error messages name the argument). */
  private final String[] labels;

  private Signature(String name, String text, Param[] params) {
    this.name = name.intern();
    this.text = text;
    this.params = params;
    this.labels = new String[params.length];
    int pos = 0;
    int req = 0;
    int va = -1;
    int kw = -1;
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      if (p.kind == Kind.NORMAL) {
        pos++;
        if (!p.optional) req++;
      } else if (p.kind == Kind.VARARGS) {
        va = i;
      } else if (p.kind == Kind.KWARGS) {
        kw = i;
      }
    }
    this.positionalCount = pos;
    this.requiredCount = req;
    this.varargs = va;
    this.kwargs = kw;
    boolean suffices = true;
    int min = 0;
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      if (p.kind == Kind.KEYWORD_ONLY && !p.optional) suffices = false;
      if (p.kind == Kind.NORMAL && !p.optional) min = i + 1;
    }
    this.positionalSuffices = suffices;
    this.minPositional = min;
  }

  public static Signature parse(String text) {
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close < open) throw new IllegalArgumentException("bad signature: " + text);
    String name = text.substring(0, open).trim();
    List<Param> ps = new ArrayList<>();
    boolean keywordOnly = false;
    for (String part : splitTopLevel(text.substring(open + 1, close))) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      if (p.startsWith("**")) {
        ps.add(new Param(p.substring(2), Kind.KWARGS, true, null));
      } else if (p.startsWith("*")) {
        keywordOnly = true;
        if (p.length() > 1) ps.add(new Param(p.substring(1), Kind.VARARGS, true, null));
      } else {
        int eq = p.indexOf('=');
        String pname = (eq < 0 ? p : p.substring(0, eq)).trim();
        String dflt = eq < 0 ? null : p.substring(eq + 1).trim();
        ps.add(new Param(pname, keywordOnly ? Kind.KEYWORD_ONLY : Kind.NORMAL, dflt != null, dflt));
      }
    }
    return new Signature(name, text, ps.toArray(new Param[0]));
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quote = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') quote = !quote;
      else if (!quote && (c == '(' || c == '[' || c == '{')) depth++;
      else if (!quote && (c == ')' || c == ']' || c == '}')) depth--;
      else if (!quote && depth == 0 && c == ',') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  public List<Param> params() { return List.of(params); }

  /** "name(): argument 'p'" for parameter i, the same String every time (racing threads: equal ones). */
  public String argumentLabel(int i) {
    String s = labels[i];
    if (s == null) labels[i] = s = name + "(): argument '" + params[i].name() + "'";
    return s;
  }

  public int indexOf(String pname) {
    for (int i = 0; i < params.length; i++) {
      if (params[i].name.equals(pname) && params[i].kind != Kind.VARARGS && params[i].kind != Kind.KWARGS) return i;
    }
    return -1;
  }

  public boolean hasVarargs() { return varargs >= 0; }
  public boolean hasKwargs() { return kwargs >= 0; }
  public int requiredCount() { return requiredCount; }
  public int positionalCount() { return positionalCount; }

  /**
   * Checks a call with {@code positional} positional arguments and the given names; returns the
   * problem as a message, or null when the call fits. The resolver uses this before running.
   */
  public String check(int positional, List<String> names, int skipSelf) {
    int pos = positionalCount - skipSelf;
    if (positional > pos && varargs < 0) {
      return "too many arguments to " + name + "(): expected at most " + pos + ", got " + positional;
    }
    boolean[] filled = new boolean[params.length];
    for (int i = 0; i < Math.min(positional + skipSelf, positionalCount); i++) filled[i] = true;
    for (String n : names) {
      int i = indexOf(n);
      if (i < 0 || i < skipSelf) {
        if (kwargs >= 0) continue;
        return "unknown argument '" + n + "' for " + name + "()";
      }
      if (filled[i]) return "argument '" + n + "' of " + name + "() given twice";
      filled[i] = true;
    }
    for (int i = skipSelf; i < params.length; i++) {
      Param p = params[i];
      if ((p.kind == Kind.NORMAL || p.kind == Kind.KEYWORD_ONLY) && !p.optional && !filled[i]) {
        return "missing argument '" + p.name + "' for " + name + "()";
      }
    }
    return null;
  }

  /** Binds a call's arguments to the parameters. */
  Args bind(Builtin owner, Context ctx, Object[] args, String[] names) {
    // The common case, positional arguments that fill every required parameter, needs no search.
    if (names == null && positionalSuffices && args.length >= minPositional && args.length <= positionalCount) {
      Object[] values = args.length == params.length ? args : java.util.Arrays.copyOf(args, params.length);
      return new Args(owner, ctx, values, List.of(), null);
    }
    int nNamed = names == null ? 0 : names.length;
    int nPos = args.length - nNamed;
    NamedPlan plan = lastPlan;
    if (plan != null && names != null && plan.nPos == nPos && sameNames(plan.names, names)) {
      Object[] values = new Object[params.length];
      System.arraycopy(args, 0, values, 0, nPos);
      for (int j = 0; j < nNamed; j++) values[plan.slots[j]] = args[nPos + j];
      return new Args(owner, ctx, values, List.of(), null);
    }
    Object[] values = new Object[params.length];
    List<Object> rest = null;
    TMap kw = null;
    for (int i = 0; i < nPos; i++) {
      if (i < positionalCount) {
        values[i] = args[i];
      } else if (varargs >= 0) {
        if (rest == null) rest = new ArrayList<>();
        rest.add(args[i]);
      } else {
        throw TangentError.runtime("too many arguments to " + name + "(): expected at most "
            + positionalCount + ", got " + nPos);
      }
    }
    for (int j = 0; j < nNamed; j++) {
      String n = names[j];
      int i = indexOf(n);
      if (i < 0) {
        if (kwargs < 0) throw TangentError.runtime("unknown argument '" + n + "' for " + name + "()")
            .withHint("the parameters are " + text);
        if (kw == null) kw = new TMap();
        kw.put(n, args[nPos + j]);
        continue;
      }
      if (values[i] != null) throw TangentError.runtime("argument '" + n + "' of " + name + "() given twice");
      values[i] = args[nPos + j];
    }
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      if (values[i] == null && !p.optional && (p.kind == Kind.NORMAL || p.kind == Kind.KEYWORD_ONLY)) {
        throw TangentError.runtime("missing argument '" + p.name + "' for " + name + "()")
            .withHint("the parameters are " + text);
      }
    }
    // A copy: a caller from Java may change its names array between calls.
    if (names != null && rest == null && kw == null) lastPlan = new NamedPlan(names.clone(), nPos, slotsOf(names));
    return new Args(owner, ctx, values, rest == null ? List.of() : rest, kw);
  }

  /**
   * How the last call with named arguments that bound cleanly (no *rest, no **kwargs) placed
   * them: a call site passes the same (interned) names every time, so the next call from it skips
   * the search and the checks, which depend only on the names and the positional count.
   * Immutable, so a plan published by another thread is safe to read.
   */
  private record NamedPlan(String[] names, int nPos, int[] slots) {}

  private NamedPlan lastPlan;

  /** The same names in the same order, compared by identity (call sites intern them). */
  private static boolean sameNames(String[] a, String[] b) {
    if (a.length != b.length) return false;
    for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
    return true;
  }

  private int[] slotsOf(String[] names) {
    int[] slots = new int[names.length];
    for (int j = 0; j < names.length; j++) slots[j] = indexOf(names[j]);
    return slots;
  }

  @Override public String toString() { return text; }
}
