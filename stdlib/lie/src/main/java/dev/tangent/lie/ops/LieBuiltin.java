package dev.tangent.lie.ops;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.diff.DiffScope;
import dev.tangent.lie.diff.Dual;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Signature;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeLike;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every built-in of the module is made here, so that values tracked by diff() can never reach
 * code that would read only their primal. A call whose arguments hold no tracked value runs the
 * built-in directly. Otherwise, by the built-in's rule:
 * <ul>
 *   <li>JAC (every built-in with a jac parameter): the built-in runs on the primals with
 *       jac: true, and its Jacobians, which are with respect to its leading parameters in order,
 *       chain into the result's derivative; a tracked value in any other parameter is an error;
 *   <li>DISCRETE: results without a derivative (Bools, groups): runs on the primals;
 *   <li>CUSTOM: the built-in's own rule for tracked arguments;
 *   <li>NONE: "diff: f() is not differentiable".
 * </ul>
 */
public final class LieBuiltin {
  private LieBuiltin() {}

  enum Rule { JAC, DISCRETE, CUSTOM, NONE }

  /** JAC when the signature has a jac parameter, NONE otherwise. */
  public static Builtin of(String sig, String doc, Builtin.Impl impl) {
    Signature s = Signature.parse(sig);
    return make(s, doc, impl, s.indexOf("jac") >= 0 ? Rule.JAC : Rule.NONE, null);
  }

  static Builtin discrete(String sig, String doc, Builtin.Impl impl) {
    return make(Signature.parse(sig), doc, impl, Rule.DISCRETE, null);
  }

  static Builtin none(String sig, String doc, Builtin.Impl impl) {
    return make(Signature.parse(sig), doc, impl, Rule.NONE, null);
  }

  /** What a built-in does with tracked arguments: raw is the built-in without this guard. */
  public interface DualRule {
    Object apply(Builtin raw, Args a);
  }

  /** A built-in with its own rule for tracked arguments (the rule sees them as they are). */
  public static Builtin custom(String sig, String doc, Builtin.Impl impl, DualRule dualImpl) {
    return make(Signature.parse(sig), doc, impl, Rule.CUSTOM, dualImpl);
  }

  private static Builtin make(Signature s, String doc, Builtin.Impl impl, Rule rule, DualRule dualImpl) {
    Builtin raw = new Builtin(s, doc, impl);
    return new Builtin(s, doc, a -> {
      if (!Dual.anyIn(a)) return impl.apply(a);
      checkNoBatches(a, raw.name());
      switch (rule) {
        case JAC: return chain(raw, a);
        case DISCRETE: return discrete(raw, a);
        case CUSTOM: return dualImpl.apply(raw, a);
        default: throw Dual.notDifferentiable(raw.name() + "()");
      }
    });
  }

  private static void checkNoBatches(Args a, String name) {
    for (int i = 0; i < a.count(); i++) {
      if (a.get(i) instanceof BatchElement || a.get(i) instanceof BatchTangent) {
        throw TangentError.runtime("diff: " + name + "() on a batch: diff differentiates one element at a time")
            .withHint("pick an element with X[i], or differentiate a function of one element");
      }
    }
  }

  /** The arguments as a call would pass them: positional ones first, then the named ones. */
  private record Call(List<Object> positional, List<String> names, List<Object> named) {
    Object[] args() {
      Object[] out = new Object[positional.size() + named.size()];
      for (int i = 0; i < positional.size(); i++) out[i] = positional.get(i);
      for (int i = 0; i < named.size(); i++) out[positional.size() + i] = named.get(i);
      return out;
    }
  }

  /** Rebuilds the call from the bound arguments, with values[i] in place of argument i. */
  private static Call rebuild(Builtin b, Args a, Object[] values, List<Object> rest, boolean jac) {
    List<Signature.Param> ps = b.sig().params();
    List<Object> pos = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Object> named = new ArrayList<>();
    boolean gap = false;
    for (int i = 0; i < ps.size(); i++) {
      Signature.Param p = ps.get(i);
      if (p.kind() == Signature.Kind.VARARGS) {
        pos.addAll(rest);
        continue;
      }
      if (p.kind() == Signature.Kind.KWARGS) continue;
      if (p.name().equals("jac")) {
        if (jac) {
          names.add("jac");
          named.add(Boolean.TRUE);
        }
        continue;
      }
      Object v = values[i];
      if (v == null) {
        gap = p.kind() == Signature.Kind.NORMAL || gap;
        continue;
      }
      if (p.kind() == Signature.Kind.NORMAL && !gap) {
        pos.add(v);
      } else {
        names.add(p.name());
        named.add(v);
      }
    }
    for (Map.Entry<Object, Object> e : a.kwargs().entries.entrySet()) {
      names.add(String.valueOf(e.getKey()));
      named.add(Dual.strip(e.getValue()));
    }
    return new Call(pos, names, named);
  }

  private static Object call(Builtin raw, Args a, Call c) {
    return raw.call(a.ctx(), c.args(), c.names().isEmpty() ? null : c.names().toArray(new String[0]));
  }

  /** Runs the built-in on the primals with jac: true and chains its Jacobians. */
  static Object chain(Builtin raw, Args a) {
    String fn = raw.name() + "()";
    int jacIndex = raw.sig().indexOf("jac");
    if (a.bool(jacIndex, false)) {
      throw Dual.notDifferentiable(raw.name() + "(jac: true)")
          .withHint("the Jacobians' own derivatives are of second order; inside diff, call it without jac");
    }
    for (Object x : a.rest()) if (Dual.contains(x)) throw notWithRespectTo(fn, "its extra arguments");
    if (raw.sig().hasKwargs()) {
      for (Object x : a.kwargs().entries.values()) if (Dual.contains(x)) throw notWithRespectTo(fn, "its extra named arguments");
    }
    int count = a.count();
    Object[] tracked = new Object[count];
    Object[] values = new Object[count];
    DiffScope scope = null;
    for (int i = 0; i < count; i++) {
      Object v = Dual.lift(a.get(i));
      if (v instanceof Dual x) {
        if (scope != null && scope != x.scope) throw DiffScope.mixed();
        scope = x.scope;
        tracked[i] = x;
        values[i] = x.primal();
      } else {
        values[i] = v;
      }
    }
    Object r = call(raw, a, rebuild(raw, a, values, a.rest(), true));
    if (!(r instanceof Tuple t)) throw new IllegalStateException(fn + " returned no Jacobians");
    int k = t.size() - 1;
    Object primal = t.get(0);
    int rows = -1;
    double[] acc = null;
    for (int i = 0; i < count; i++) {
      if (!(tracked[i] instanceof Dual x)) continue;
      if (i >= k) throw notWithRespectTo(fn, "'" + raw.sig().params().get(i).name() + "'");
      Tensor j = (Tensor) t.get(i + 1);
      int[] s = j.shape();
      if (s.length != 2 || s[1] != x.size()) {
        throw new IllegalStateException(fn + ": Jacobian " + i + " has shape " + Tensor.shapeText(s) + " for an argument of size " + x.size());
      }
      rows = s[0];
      acc = Dual.mulAdd(j.toDoubleArray(), rows, s[1], x.d, scope.n, acc);
    }
    Object out = Dual.wrap(primal, acc, scope);
    for (Object x : tracked) Dual.inherit(out, x);
    return out;
  }

  private static TangentError notWithRespectTo(String fn, String what) {
    return TangentError.runtime("diff: " + fn + " is not differentiable with respect to " + what);
  }

  /** Runs the built-in on the primals; its result must carry no derivative (a Bool, a group, text). */
  static Object discrete(Builtin raw, Args a) {
    Object[] values = new Object[a.count()];
    for (int i = 0; i < values.length; i++) values[i] = Dual.strip(a.get(i));
    List<Object> rest = new ArrayList<>();
    for (Object x : a.rest()) rest.add(Dual.strip(x));
    Object r = call(raw, a, rebuild(raw, a, values, rest, false));
    if (r instanceof Boolean || r instanceof String || r instanceof TypeLike || r == Nil.NIL) return r;
    throw Dual.notDifferentiable(raw.name() + "()");
  }
}
