package dev.tangent.lie.diff;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.List;

/**
 * diff(f, a1, a2, ...): f evaluated at the arguments with every value tracked, returning
 * (value, J_1, J_2, ...). Forward mode: each argument is seeded with the identity block of the
 * stacked input tangent, and every operation on the way multiplies in its analytic Jacobian.
 * Group elements are perturbed on their right tangent, J = d(f(X (+) d) (-) f(X)) / dd; numbers,
 * vectors and matrices additively (matrices by their row-major elements).
 */
public final class Diff {
  private Diff() {}

  public static Builtin builtin() {
    return Builtin.of("diff(f, *args)",
        "f(args...) with its exact Jacobians: (value, J_1, J_2, ...), J_i = d value / d args[i] (rows: the result's dof "
            + "or size, columns: the argument's). Elements are perturbed on their right tangent (X (+) d), numbers and "
            + "vectors additively. Forward mode through the analytic Jacobian of every operation; no finite differences.",
        a -> run(a.ctx(), a.callable(0), a.rest()));
  }

  static Object run(Context ctx, Callable f, List<Object> args) {
    if (args.isEmpty()) {
      throw TangentError.runtime("diff(f, ...) needs the arguments to evaluate f at: diff(f, X, p)");
    }
    int k = args.size();
    Object[] primals = new Object[k];
    int[] sizes = new int[k];
    int total = 0;
    for (int i = 0; i < k; i++) {
      primals[i] = input(args.get(i), i);
      sizes[i] = sizeOf(primals[i]);
      total += sizes[i];
    }
    DiffScope scope = new DiffScope(total);
    Object[] seeded = new Object[k];
    int off = 0;
    for (int i = 0; i < k; i++) {
      double[] d = new double[sizes[i] * total];
      for (int r = 0; r < sizes[i]; r++) d[r * total + off + r] = 1;
      seeded[i] = Dual.wrap(primals[i], d, scope);
      off += sizes[i];
    }
    Object r = Dual.lift(f.call(ctx, seeded, null));
    Object value;
    double[] jac;
    int rows;
    if (r instanceof Dual x) {
      if (x.scope != scope) throw DiffScope.mixed();
      if (x.undefined != null) {
        throw Dual.notDifferentiable(x.undefined).withHint("the result depends on it, and its derivative does not exist there");
      }
      value = x.primal();
      jac = x.d;
      rows = x.size();
    } else {
      value = output(r);
      rows = sizeOf(value);
      jac = new double[rows * total];
    }
    Object[] out = new Object[k + 1];
    out[0] = value;
    off = 0;
    for (int i = 0; i < k; i++) {
      double[] block = new double[rows * sizes[i]];
      for (int row = 0; row < rows; row++) System.arraycopy(jac, row * total + off, block, row * sizes[i], sizes[i]);
      out[i + 1] = Values.mat(block, rows, sizes[i]);
      off += sizes[i];
    }
    return new Tuple(out);
  }

  private static Object input(Object v, int i) {
    String what = "diff(): argument " + (i + 1);
    if (v instanceof Dual) {
      throw TangentError.runtime(what + " is already tracked by an enclosing diff()")
          .withHint("nested diff() is not supported: differentiate the composed function once");
    }
    if (v instanceof Element || v instanceof TangentValue || v instanceof Double) return v;
    if (v instanceof Tensor t) return numeric(t, what);
    if (v instanceof TList || v instanceof Tuple) {
      try {
        return numeric(Tensor.from(v), what);
      } catch (TangentError e) {
        // fall through to the message below
      }
    }
    if (v instanceof BatchElement || v instanceof BatchTangent) {
      throw TangentError.runtime(what + " is a batch: diff differentiates one element at a time")
          .withHint("pick an element with X[i]");
    }
    throw TangentError.runtime(what + " must be a group element, a tangent, a number or a vector of numbers, got "
        + Values.an(Types.typeName(v)));
  }

  private static Tensor numeric(Tensor t, String what) {
    if (t.dtype().equals("bool")) throw TangentError.runtime(what + " is a bool tensor; diff needs numbers");
    return t.dtype().equals("f64") ? t : t.astype(dev.tangent.core.tensor.DType.F64);
  }

  /** A result that does not depend on the inputs (its Jacobians are zero). */
  private static Object output(Object r) {
    if (r instanceof Element || r instanceof TangentValue || r instanceof Double) return r;
    if (r instanceof Tensor t && !t.dtype().equals("bool")) return numeric(t, "diff(): the result");
    if (r instanceof TList || r instanceof Tuple) {
      try {
        return Tensor.from(r);
      } catch (TangentError e) {
        // fall through
      }
    }
    throw TangentError.runtime("diff(): f must return a group element, a tangent, a number or a vector of numbers, got "
        + Values.an(Types.typeName(r)));
  }

  private static int sizeOf(Object v) {
    if (v instanceof Element e) return e.kernel().dof;
    if (v instanceof TangentValue t) return t.v.length;
    if (v instanceof Double) return 1;
    return ((Tensor) v).size();
  }
}
