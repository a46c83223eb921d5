package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;
import java.util.List;

/** The tensor built-ins of the core prelude: creation, shape, linear algebra, reductions. */
public final class TensorBuiltins {
  private TensorBuiltins() {}

  public static final TypeValue TENSOR = new TypeValue("Tensor", v -> v instanceof Tensor,
      "Dense n-d arrays (dtype f64, f32, i64 or bool) with numpy broadcasting, indexing and linear algebra. "
          + "Small ones live in Java arrays, large ones (or device: \"cpu\") in ND4J; operations mix them freely.");

  static Tensor tensorArg(Args a, int i) {
    Tensor t = Tensor.coerce(a.get(i));
    if (t == null) throw a.typeError(i, "a Tensor");
    return t;
  }

  static int[] ints(List<Object> rest, String fn) {
    List<Object> dims = rest;
    if (rest.size() == 1 && (rest.get(0) instanceof TList || rest.get(0) instanceof Tuple)) {
      dims = rest.get(0) instanceof TList l ? l.items : ((Tuple) rest.get(0)).list();
    }
    int[] s = new int[dims.size()];
    for (int i = 0; i < s.length; i++) s[i] = Ints.toInt(dims.get(i), fn + "(): dimension");
    return s;
  }

  private static Integer optAxis(Args a, int i) {
    return a.present(i) ? a.integer(i) : null;
  }

  private static Object reduce(Args a, int self, Reductions.Kind kind) {
    return Reductions.reduce(tensorArg(a, self), a.get(self + 1), a.bool(self + 2, false), kind, 0);
  }

  private static Object reduceDdof(Args a, Reductions.Kind kind) {
    return Reductions.reduce(tensorArg(a, 0), a.get(1), a.bool(2, false), kind, a.num(3, 0));
  }

  private static Tensor bools(Args a, int i, String fn) {
    Tensor t = tensorArg(a, i);
    if (t.dtype != DType.BOOL) throw TangentError.runtime(fn + "() needs bool tensors, got dtype " + t.dtype);
    return t;
  }

  public static void define(ModuleBuilder m) {
    m.value("Tensor", TENSOR, TENSOR.doc());
    m.functions(TensorCreation.builtins());
    m.functions(
        Builtin.of("diag(v)", "A diagonal matrix from a vector, or the diagonal of a matrix.",
            a -> {
              Tensor t = tensorArg(a, 0);
              if (t.ndim() == 1) {
                int n = t.size();
                Tensor out = Tensor.of(new int[] {n, n}, Placement.allocate(t.dtype, n * n, Placement.wantBackend((long) n * n, t)));
                for (int i = 0; i < n; i++) out.storage.setDouble(i * n + i, t.storage.getDouble(i));
                return out;
              }
              if (t.ndim() == 2) {
                int n = Math.min(t.shape[0], t.shape[1]);
                int[] offs = new int[n];
                for (int i = 0; i < n; i++) offs[i] = i * t.shape[1] + i;
                return new Tensor(new int[] {n}, Gather.take(t.storage, offs, Placement.wantBackend(offs.length, t)));
              }
              throw TangentError.runtime("diag() needs a vector or a matrix, got shape " + Tensor.shapeText(t.shape));
            }),
        Builtin.of("transpose(A, *axes)", "The axes reversed, or permuted: transpose(x, 0, 2, 1); two axes swap them.",
            a -> {
              Tensor t = tensorArg(a, 0);
              if (a.rest().isEmpty()) return t.transpose();
              int[] axes = ints(a.rest(), "transpose");
              if (axes.length == 2 && t.ndim() != 2) return ShapeOps.swap(t, axes[0], axes[1]);
              return t.permute(axes);
            }),
        Builtin.of("permute(x, *axes)", "The axes in a new order: permute(x, 2, 0, 1).", a -> tensorArg(a, 0).permute(ints(a.rest(), "permute"))),
        Builtin.of("reshape(x, *shape)", "The same elements in a new shape; one dimension may be -1.",
            a -> tensorArg(a, 0).reshape(ints(a.rest(), "reshape"))),
        Builtin.of("squeeze(x, axis=nil)", "Removes size-1 axes (all, or the one given).", a -> ShapeOps.squeeze(tensorArg(a, 0), optAxis(a, 1))),
        Builtin.of("unsqueeze(x, axis)", "Inserts a size-1 axis at the given position.", a -> ShapeOps.unsqueeze(tensorArg(a, 0), a.integer(1))),
        Builtin.of("expand_dims(x, axis)", "numpy's name for unsqueeze.", a -> ShapeOps.unsqueeze(tensorArg(a, 0), a.integer(1))),
        Builtin.of("concat(tensors, axis=0)", "Joins tensors along an existing axis.", a -> ShapeOps.concat(a.list(0).items, a.integer(1, 0))),
        Builtin.of("stack(tensors, axis=0)", "Joins same-shaped tensors along a new axis.", a -> ShapeOps.stack(a.list(0).items, a.integer(1, 0))),
        Builtin.of("where(cond, a, b)", "Elements of a where cond (a bool tensor) is true, else of b; all three broadcast.",
            a -> {
              Tensor cond = tensorArg(a, 0);
              boolean weakA = a.get(1) instanceof Double;
              boolean weakB = a.get(2) instanceof Double;
              Tensor x = tensorArg(a, 1);
              Tensor y = tensorArg(a, 2);
              // A plain number takes the other branch's dtype where it fits (numpy's weak scalars).
              if (weakA && !weakB) x = x.astype(DType.withScalar(y.dtype, (Double) a.get(1)) == y.dtype ? y.dtype : DType.F64);
              if (weakB && !weakA) y = y.astype(DType.withScalar(x.dtype, (Double) a.get(2)) == x.dtype ? x.dtype : DType.F64);
              return ShapeOps.where(cond, x, y);
            }),
        Builtin.of("astype(x, dtype)", "The values converted to a dtype: f64, f32, i64 or bool.", a -> tensorArg(a, 0).astype(DType.parse(a.str(1)))),
        Builtin.of("logical_and(a, b)", "Elementwise and of two bool tensors.",
            a -> Elementwise.binary(BinOp.MUL, bools(a, 0, "logical_and"), bools(a, 1, "logical_and")).astype(DType.BOOL)),
        Builtin.of("logical_or(a, b)", "Elementwise or of two bool tensors.",
            a -> Elementwise.binary(BinOp.ADD, bools(a, 0, "logical_or"), bools(a, 1, "logical_or")).astype(DType.BOOL)),
        Builtin.of("logical_not(a)", "Elementwise not of a bool tensor.",
            a -> Elementwise.withScalar(BinOp.EQ, bools(a, 0, "logical_not"), 0, true)),
        Builtin.of("tensor_info(start=false)", "What tensors compute with: the Java kernels (SIMD width) and the back-end for large "
            + "tensors (ND4J, its OpenBLAS version, threads and kernel set, and why that kernel set). start: true starts the "
            + "back-end first, to report what the loaded library itself says.", a -> TensorInfo.describe(a.bool(0, false))),
        Builtin.of("matmul(a, b)", "Matrix product with numpy's rules (batched over leading axes), the same as a @ b.",
            a -> LinAlg.product(tensorArg(a, 0), tensorArg(a, 1))),
        Builtin.of("dot(a, b)", "The inner product of two same-shaped tensors (sum of elementwise products).",
            a -> {
              if (a.get(0) instanceof dev.tangent.spi.Tracked || a.get(1) instanceof dev.tangent.spi.Tracked) {
                // values tracked by diff: the same sum of products, through their own operators
                return dev.tangent.spi.Operators.math("sum",
                    dev.tangent.spi.Operators.binary(BinOp.MUL, a.get(0), a.get(1)));
              }
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              if (!java.util.Arrays.equals(x.shape, y.shape)) {
                throw TangentError.runtime("dot(): shapes " + Tensor.shapeText(x.shape) + " and " + Tensor.shapeText(y.shape) + " differ");
              }
              return Reductions.reduce(Elementwise.binary(BinOp.MUL, x, y), null, false, Reductions.Kind.SUM, 0);
            }),
        Builtin.of("cross(a, b)", "The cross product of two 3-vectors.",
            a -> {
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              if (x.size() != 3 || y.size() != 3) {
                throw TangentError.runtime("cross() needs two 3-vectors, got shapes " + Tensor.shapeText(x.shape) + " and " + Tensor.shapeText(y.shape));
              }
              double[] p = x.toDoubleArray();
              double[] q = y.toDoubleArray();
              return Tensor.vector(p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]);
            }),
        Builtin.of("outer(a, b)", "The outer product a b^T of two vectors.",
            a -> {
              Tensor x = tensorArg(a, 0);
              Tensor y = tensorArg(a, 1);
              return Elementwise.binary(BinOp.MUL, x.reshape(x.size(), 1), y.reshape(1, y.size()));
            }),
        Builtin.of("trace(A)", "The sum of the diagonal.",
            a -> {
              Tensor t = tensorArg(a, 0);
              LinAlg.square(t, "trace");
              double s = 0;
              for (int i = 0; i < t.shape[0]; i++) s += t.get(i, i);
              return s;
            }),
        Builtin.of("norm(x, axis=nil, keepdims=false)", "The Euclidean (Frobenius) norm, of everything or along axes.",
            a -> {
              Object v = a.get(0);
              if (v instanceof Double d) return Math.abs(d);
              if (!(v instanceof Tensor) && v instanceof dev.tangent.spi.Operand o) {
                Object r = o.mathOp("norm");
                if (r != dev.tangent.spi.Operand.NOT_IMPLEMENTED) return r;
              }
              return reduce(a, 0, Reductions.Kind.NORM);
            }),
        Builtin.of("mean(x, axis=nil, keepdims=false)", "The mean, of everything or along axes.", a -> reduce(a, 0, Reductions.Kind.MEAN)),
        Builtin.of("variance(x, axis=nil, keepdims=false, ddof=0)", "The variance (divided by n - ddof); numpy's var, which is a keyword here.", a -> reduceDdof(a, Reductions.Kind.VAR)),
        Builtin.of("std(x, axis=nil, keepdims=false, ddof=0)", "The standard deviation (divided by n - ddof).", a -> reduceDdof(a, Reductions.Kind.STD)),
        Builtin.of("argmax(x, axis=nil, keepdims=false)", "The index of the largest element (flat), or along an axis.", a -> reduce(a, 0, Reductions.Kind.ARGMAX)),
        Builtin.of("argmin(x, axis=nil, keepdims=false)", "The index of the smallest element (flat), or along an axis.", a -> reduce(a, 0, Reductions.Kind.ARGMIN)),
        Builtin.of("allclose(a, b, rtol=1e-9, atol=1e-12)", "True when a and b have the same shape and |a - b| <= atol + rtol |b| everywhere.",
            a -> tensorArg(a, 0).allClose(tensorArg(a, 1), a.num(2, 1e-9), a.num(3, 1e-12))));
    LinAlgBuiltins.define(m);
    TensorMethods.define(m);
  }
}
