package dev.tangent.exec;

import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Display;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.Types;
import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** x.name and x.name(args): record fields, own members, then type properties and methods. */
public final class Members {
  private Members() {}

  public static Object get(Context ctx, Object target, String name) {
    return get(ctx, target, name, null);
  }

  /** x.name, remembering what the type gave at site (may be null). */
  public static Object get(Context ctx, Object target, String name, Site site) {
    Site.Entry e = site == null ? null : site.last;
    if (e != null && e.matches(target)) {
      return e.property ? e.member.call(ctx, new Object[] {target}, null) : new BoundMethod(target, e.member);
    }
    if (target instanceof TMap m) {
      Object v = m.get(name);
      if (v != null || m.has(name)) return v;
    }
    if (target instanceof HasMembers hm) {
      Object v = hm.member(name);
      if (v != null) return v;
    }
    int version = Types.version();
    TypeInfo ti = Types.of(target.getClass());
    Builtin prop = ti.property(name);
    if (prop != null) {
      Site.remember(site, target, prop, true, version);
      return prop.call(ctx, new Object[] {target}, null);
    }
    Builtin method = ti.method(name);
    if (method != null) {
      Site.remember(site, target, method, false, version);
      return new BoundMethod(target, method);
    }
    throw noMember(target, name);
  }

  public static Object call(Context ctx, Object target, String name, Object[] args, String[] names) {
    return call(ctx, target, name, args, names, null);
  }

  /**
   * A call site's memory of the member the type gave it last: the next value of the same class
   * (and, for values with members of their own, the same members key) skips the lookups while no
   * type has changed since. Records and maps are never remembered: their fields are their own.
   */
  public static final class Site {
    /** The key of values whose members all come from their class. */
    private static final Object CLASS_ONLY = new Object();

    private record Entry(Class<?> cls, Object key, Builtin member, boolean property, int version) {
      boolean matches(Object target) {
        return cls == target.getClass() && version == Types.version()
            && (key == CLASS_ONLY || ((HasMembers) target).membersKey() == key);
      }
    }

    private Entry last; // immutable, so reading one another thread wrote is safe

    static void remember(Site site, Object target, Builtin member, boolean property, int version) {
      if (site == null || target instanceof TMap) return;
      Object key = target instanceof HasMembers hm ? hm.membersKey() : CLASS_ONLY;
      if (key != null) site.last = new Entry(target.getClass(), key, member, property, version);
    }
  }

  /** x.name(args), remembering the method at site (may be null). */
  public static Object call(Context ctx, Object target, String name, Object[] args, String[] names, Site site) {
    Site.Entry e = site == null ? null : site.last;
    if (e != null && !e.property && e.matches(target)) return callMethod(ctx, e.member, target, args, names);
    if (target instanceof TMap m && m.has(name)) return callValue(ctx, m.get(name), args, names);
    if (target instanceof HasMembers hm) {
      Object v = hm.member(name);
      if (v != null) return callValue(ctx, v, args, names);
    }
    int version = Types.version();
    TypeInfo ti = Types.of(target.getClass());
    Builtin method = ti.method(name);
    if (method != null) {
      Site.remember(site, target, method, false, version);
      return callMethod(ctx, method, target, args, names);
    }
    Builtin prop = ti.property(name);
    if (prop != null) return callValue(ctx, prop.call(ctx, new Object[] {target}, null), args, names);
    throw noMember(target, name);
  }

  private static Object callMethod(Context ctx, Builtin method, Object target, Object[] args, String[] names) {
    Object[] all = new Object[args.length + 1];
    all[0] = target;
    System.arraycopy(args, 0, all, 1, args.length);
    return method.call(ctx, all, names);
  }

  private static Object callValue(Context ctx, Object fn, Object[] args, String[] names) {
    if (fn instanceof Callable c) return c.call(ctx, args, names);
    throw TangentError.runtime(Types.typeName(fn) + " is not callable");
  }

  public static void set(Object target, String name, Object value) {
    if (target instanceof TMap m) {
      m.put(name, value);
      return;
    }
    throw TangentError.runtime("cannot set member '" + name + "' of a " + Types.typeName(target));
  }

  /** Every member name of a value: for completion and error suggestions. */
  public static List<String> names(Object target) {
    Set<String> out = new LinkedHashSet<>();
    if (target instanceof TMap m) {
      for (Object k : m.entries.keySet()) if (k instanceof String s && Display.isIdentifier(s)) out.add(s);
    }
    if (target instanceof HasMembers hm) out.addAll(hm.memberNames());
    TypeInfo ti = Types.of(target.getClass());
    out.addAll(ti.properties().keySet());
    out.addAll(ti.methods().keySet());
    return new ArrayList<>(out);
  }

  private static TangentError noMember(Object target, String name) {
    TangentError e = TangentError.runtime(Types.typeName(target) + " has no member '" + name + "'");
    String near = closest(name, names(target));
    if (near != null) e.withHint("did you mean '" + near + "'?");
    return e;
  }

  /** The most similar name within a small edit distance, or null. */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestD = Math.max(1, name.length() / 3) + 1;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestD && d < name.length() && d < c.length()) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
