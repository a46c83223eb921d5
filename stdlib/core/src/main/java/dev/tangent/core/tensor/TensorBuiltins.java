package dev.tangent.core.tensor;

import dev.tangent.diag.TangentError;
import dev.tangent.runtime.Args;
import dev.tangent.runtime.Builtin;
import dev.tangent.runtime.Ints;
import dev.tangent.runtime.Nil;
import dev.tangent.runtime.TList;
import dev.tangent.runtime.Tuple;
import dev.tangent.runtime.TypeValue;
import dev.tangent.runtime.Types;
import dev.tangent.spi.ModuleBuilder;
import java.util.List;
import java.util.SplittableRandom;

/** tensor(), zeros, ones, eye, randn, inv, det, solve... and the Tensor methods. */
public final class TensorBuiltins {
  private TensorBuiltins() {}

  public static final TypeValue TENSOR = new TypeValue("Tensor", v -> v instanceof Tensor,
      "Dense n-dimensional arrays of numbers: tensor([[1, 2], [3, 4]]), zeros(3, 3), eye(6).");

  /** Shapes may be given as zeros(2, 3) or zeros([2, 3]) or zeros((2, 3)). */
  static int[] shapeOf(List<Object> rest, String fn) {
    List<Object> dims = rest;
    if (rest.size() == 1 && (rest.get(0) instanceof TList || rest.get(0) instanceof Tuple)) {
      dims = rest.get(0) instanceof TList l ? l.items : ((Tuple) rest.get(0)).list();
    }
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Ints.toInt(dims.get(i), fn + "(): dimension");
      if (shape[i] < 0) throw TangentError.runtime(fn + "(): negative dimension " + shape[i]);
    }
    return shape;
  }

  static Tensor tensorArg(Args a, int i) {
    Object v = a.get(i);
    if (v instanceof Tensor t) return t;
    if (v instanceof TList || v instanceof Tuple || v instanceof Double) return Tensor.from(v);
    throw a.typeError(i, "a Tensor");
  }

  static SplittableRandom rng(Args a, int seedIndex) {
    if (a.present(seedIndex)) return new SplittableRandom(a.longInt(seedIndex, 0));
    return a.ctx().state(TensorBuiltins.class, () -> new SplittableRandom());
  }

  /** Standard normal draws (Marsaglia polar method) from a splittable generator. */
  static double gaussian(SplittableRandom r) {
    double u;
    double v;
    double s;
    do {
      u = 2 * r.nextDouble() - 1;
      v = 2 * r.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  public static void define(ModuleBuilder m) {
    m.value("Tensor", TENSOR, TENSOR.doc());
    m.functions(
        Builtin.of("tensor(data)", "A tensor from nested lists of numbers: tensor([[1, 2], [3, 4]]).",
            a -> Tensor.from(a.get(0))),
        Builtin.of("zeros(*shape)", "A tensor of zeros: zeros(3), zeros(2, 3), zeros([2, 3]).",
            a -> Tensor.zeros(shapeOf(a.rest(), "zeros"))),
        Builtin.of("ones(*shape)", "A tensor of ones.", a -> Tensor.full(shapeOf(a.rest(), "ones"), 1)),
        Builtin.of("full(shape, value)", "A tensor filled with value.",
            a -> Tensor.full(shapeOf(List.of(a.get(0)), "full"), a.num(1))),
        Builtin.of("eye(n)", "The n x n identity matrix.", a -> Tensor.eye(a.integer(0))),
        Builtin.of("diag(v)", "A diagonal matrix from a vector, or the diagonal of a matrix.",
            a -> {
              Tensor t = tensorArg(a, 0);
              if (t.ndim() == 1) {
                int n = t.size();
                Tensor out = Tensor.zeros(n, n);
                for (int i = 0; i < n; i++) out.data[i * n + i] = t.data[i];
                return out;
              }
              if (t.ndim() == 2) {
                int n = Math.min(t.shape[0], t.shape[1]);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = t.get(i, i);
                return Tensor.vector(d);
              }
              throw TangentError.runtime("diag() needs a vector or a matrix, got shape " + Tensor.shapeText(t.shape));
            }),
        Builtin.of("randn(*shape, seed=nil)", "Standard normal samples; the same seed gives the same numbers.",
            a -> {
              int[] shape = shapeOf(a.rest(), "randn");
              SplittableRandom r = rng(a, 1);
              double[] d = new double[Tensor.size(shape)];
              for (int i = 0; i < d.length; i++) d[i] = gaussian(r);
              return new Tensor(shape, d);
            }),
        Builtin.of("rand(*shape, seed=nil)", "Uniform samples in [0, 1).",
            a -> {
              int[] shape = shapeOf(a.rest(), "rand");
              SplittableRandom r = rng(a, 1);
              double[] d = new double[Tensor.size(shape)];
              for (int i = 0; i < d.length; i++) d[i] = r.nextDouble();
              return new Tensor(shape, d);
            }),
        Builtin.of("linspace(start, stop, n)", "n evenly spaced numbers from start to stop, both included.",
            a -> {
              int n = a.integer(2);
              double lo = a.num(0);
              double hi = a.num(1);
              double[] d = new double[n];
              for (int i = 0; i < n; i++) d[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
              return Tensor.vector(d);
            }),
        Builtin.of("inv(A)", "The inverse of a square matrix; an error if it is singular.", a -> LinAlg.inv(tensorArg(a, 0))),
        Builtin.of("det(A)", "The determinant of a square matrix.", a -> LinAlg.det(tensorArg(a, 0))),
        Builtin.of("solve(A, b)", "The x with A x = b (b a vector or a matrix of right-hand sides).",
            a -> LinAlg.solve(tensorArg(a, 0), tensorArg(a, 1))),
        Builtin.of("transpose(A)", "The transpose (axes reversed).", a -> tensorArg(a, 0).transpose()),
        Builtin.of("matmul(a, b)", "Matrix product, the same as a @ b.", a -> LinAlg.matmul(tensorArg(a, 0), tensorArg(a, 1))),
        Builtin.of("dot(a, b)", "The inner product of two vectors (sum of elementwise products for equal shapes).",
            a -> {
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              if (!java.util.Arrays.equals(x.shape, y.shape)) {
                throw TangentError.runtime("dot(): shapes " + Tensor.shapeText(x.shape) + " and " + Tensor.shapeText(y.shape) + " differ");
              }
              double s = 0;
              for (int i = 0; i < x.data.length; i++) s += x.data[i] * y.data[i];
              return s;
            }),
        Builtin.of("cross(a, b)", "The cross product of two 3-vectors.",
            a -> {
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              if (x.size() != 3 || y.size() != 3) throw TangentError.runtime("cross() needs two 3-vectors");
              double[] p = x.data;
              double[] q = y.data;
              return Tensor.vector(p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]);
            }),
        Builtin.of("outer(a, b)", "The outer product a b^T of two vectors.",
            a -> {
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              Tensor out = Tensor.zeros(x.size(), y.size());
              for (int i = 0; i < x.size(); i++) for (int j = 0; j < y.size(); j++) out.data[i * y.size() + j] = x.data[i] * y.data[j];
              return out;
            }),
        Builtin.of("trace(A)", "The sum of the diagonal.",
            a -> {
              Tensor t = tensorArg(a, 0);
              LinAlg.square(t, "trace()");
              double s = 0;
              for (int i = 0; i < t.shape[0]; i++) s += t.get(i, i);
              return s;
            }),
        Builtin.of("norm(x)", "The Euclidean (Frobenius) norm.",
            a -> {
              Object v = a.get(0);
              if (v instanceof Double d) return Math.abs(d);
              if (!(v instanceof Tensor) && v instanceof dev.tangent.runtime.Operand o) {
                Object r = o.mathOp("norm");
                if (r != dev.tangent.runtime.Operand.NOT_IMPLEMENTED) return r;
              }
              return norm(tensorArg(a, 0));
            }),
        Builtin.of("allclose(a, b, rtol=1e-9, atol=1e-12)", "True when a and b have the same shape and |a - b| <= atol + rtol |b| everywhere.",
            a -> tensorArg(a, 0).allClose(tensorArg(a, 1), a.num(2, 1e-9), a.num(3, 1e-12))),
        Builtin.of("concat(tensors, axis=0)", "Joins tensors along an existing axis.",
            a -> Shapes.concat(a.list(0).items, a.integer(1, 0))),
        Builtin.of("stack(tensors, axis=0)", "Joins same-shaped tensors along a new axis.",
            a -> Shapes.stack(a.list(0).items, a.integer(1, 0))));

    m.type(Tensor.class, TENSOR)
        .property(Builtin.of("T(self)", "The transpose.", a -> self(a).transpose()))
        .property(Builtin.of("shape(self)", "The dimensions, as a tuple.", a -> self(a).shapeTuple()))
        .property(Builtin.of("ndim(self)", "The number of dimensions.", a -> (double) self(a).ndim()))
        .property(Builtin.of("size(self)", "The number of elements.", a -> (double) self(a).size()))
        .property(Builtin.of("dtype(self)", "The element type: f64, f32, i64 or bool.", a -> self(a).dtype()))
        .method(Builtin.of("reshape(self, *shape)", "The same elements in a new shape; one dimension may be -1.",
            a -> self(a).reshape(shapeOfSigned(a.rest()))))
        .method(Builtin.of("transpose(self)", "The transpose.", a -> self(a).transpose()))
        .method(Builtin.of("flatten(self)", "The elements as a vector.", a -> self(a).reshape(self(a).size())))
        .method(Builtin.of("copy(self)", "A copy.", a -> self(a).copy()))
        .method(Builtin.of("tolist(self)", "Nested lists of numbers.", a -> self(a).toList()))
        .method(Builtin.of("item(self)", "The single element of a one-element tensor.",
            a -> {
              Tensor t = self(a);
              if (t.size() != 1) throw TangentError.runtime("item() needs a single element, got shape " + Tensor.shapeText(t.shape));
              return t.data[0];
            }))
        .method(Builtin.of("sum(self, axis=nil)", "The sum of all elements, or along one axis.", a -> Reductions.reduce(self(a), a.get(1), Reductions.Kind.SUM)))
        .method(Builtin.of("mean(self, axis=nil)", "The mean of all elements, or along one axis.", a -> Reductions.reduce(self(a), a.get(1), Reductions.Kind.MEAN)))
        .method(Builtin.of("max(self, axis=nil)", "The largest element, or the largest along one axis.", a -> Reductions.reduce(self(a), a.get(1), Reductions.Kind.MAX)))
        .method(Builtin.of("min(self, axis=nil)", "The smallest element, or the smallest along one axis.", a -> Reductions.reduce(self(a), a.get(1), Reductions.Kind.MIN)))
        .method(Builtin.of("norm(self)", "The Euclidean (Frobenius) norm.", a -> norm(self(a))))
        .method(Builtin.of("inv(self)", "The inverse matrix.", a -> LinAlg.inv(self(a))))
        .method(Builtin.of("det(self)", "The determinant.", a -> LinAlg.det(self(a))))
        .method(Builtin.of("abs(self)", "Elementwise absolute value.", a -> self(a).map(Math::abs)));
  }

  static int[] shapeOfSigned(List<Object> rest) {
    List<Object> dims = rest;
    if (rest.size() == 1 && (rest.get(0) instanceof TList || rest.get(0) instanceof Tuple)) {
      dims = rest.get(0) instanceof TList l ? l.items : ((Tuple) rest.get(0)).list();
    }
    int[] s = new int[dims.size()];
    for (int i = 0; i < s.length; i++) s[i] = Ints.toInt(dims.get(i), "reshape(): dimension");
    return s;
  }

  static double norm(Tensor t) {
    double s = 0;
    for (double v : t.data) s += v * v;
    return Math.sqrt(s);
  }

  private static Tensor self(Args a) { return (Tensor) a.get(0); }

  static Object nil() { return Nil.NIL; }
}
