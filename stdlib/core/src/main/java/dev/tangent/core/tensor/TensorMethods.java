package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/** Methods and properties of Tensor values: x.shape, x.T, x.sum(axis: 0), x.astype("f32")... */
final class TensorMethods {
  private TensorMethods() {}

  private static Tensor self(Args a) { return (Tensor) a.get(0); }

  private static Builtin reduction(String name, String doc, Reductions.Kind kind) {
    return Builtin.of(name + "(self, axis=nil, keepdims=false)", doc,
        a -> Reductions.reduce(self(a), a.get(1), a.bool(2, false), kind, 0));
  }

  static void define(ModuleBuilder m) {
    m.type(Tensor.class, TensorBuiltins.TENSOR)
        .property(Builtin.of("T(self)", "The transpose (axes reversed).", a -> self(a).transpose()))
        .property(Builtin.of("shape(self)", "The dimensions, as a tuple.", a -> self(a).shapeTuple()))
        .property(Builtin.of("ndim(self)", "The number of dimensions.", a -> (double) self(a).ndim()))
        .property(Builtin.of("size(self)", "The number of elements.", a -> (double) self(a).size()))
        .property(Builtin.of("dtype(self)", "The element type: f64, f32, i64 or bool.", a -> self(a).dtype()))
        .property(Builtin.of("device(self)", "Where the elements live: \"java\" (pure-Java path) or \"cpu\" (ND4J).", a -> self(a).device()))
        .method(Builtin.of("reshape(self, *shape)", "The same elements in a new shape; one dimension may be -1.",
            a -> self(a).reshape(TensorBuiltins.ints(a.rest(), "reshape"))))
        .method(Builtin.of("transpose(self, *axes)", "The axes reversed, or in the given order.",
            a -> a.rest().isEmpty() ? self(a).transpose() : self(a).permute(TensorBuiltins.ints(a.rest(), "transpose"))))
        .method(Builtin.of("permute(self, *axes)", "The axes in a new order.", a -> self(a).permute(TensorBuiltins.ints(a.rest(), "permute"))))
        .method(Builtin.of("squeeze(self, axis=nil)", "Without size-1 axes.", a -> ShapeOps.squeeze(self(a), a.present(1) ? a.integer(1) : null)))
        .method(Builtin.of("unsqueeze(self, axis)", "With a size-1 axis inserted.", a -> ShapeOps.unsqueeze(self(a), a.integer(1))))
        .method(Builtin.of("flatten(self)", "The elements as a vector.", a -> self(a).reshape(self(a).size())))
        .method(Builtin.of("copy(self)", "A copy (same dtype and device).", a -> self(a).copy()))
        .method(Builtin.of("astype(self, dtype)", "The values converted to a dtype: f64, f32, i64 or bool.",
            a -> self(a).astype(DType.parse(a.str(1)))))
        .method(Builtin.of("to(self, device)", "The tensor on a device: \"cpu\" (ND4J) or \"java\".", a -> self(a).to(a.str(1))))
        .method(Builtin.of("info(self)", "Shape, dtype, device and summary statistics, as text.", a -> TensorFormat.info(self(a))))
        .method(Builtin.of("tolist(self)", "Nested lists of numbers.", a -> self(a).toList()))
        .method(Builtin.of("item(self)", "The single element of a one-element tensor.",
            a -> {
              Tensor t = self(a);
              if (t.size() != 1) throw TangentError.runtime("item() needs a single element, got shape " + Tensor.shapeText(t.shape));
              return t.element(0);
            }))
        .method(reduction("sum", "The sum of all elements, or along axes.", Reductions.Kind.SUM))
        .method(reduction("prod", "The product of all elements, or along axes.", Reductions.Kind.PROD))
        .method(reduction("mean", "The mean of all elements, or along axes.", Reductions.Kind.MEAN))
        .method(reduction("max", "The largest element, or the largest along axes.", Reductions.Kind.MAX))
        .method(reduction("min", "The smallest element, or the smallest along axes.", Reductions.Kind.MIN))
        .method(reduction("argmax", "The index of the largest element (flat), or along an axis.", Reductions.Kind.ARGMAX))
        .method(reduction("argmin", "The index of the smallest element (flat), or along an axis.", Reductions.Kind.ARGMIN))
        .method(reduction("norm", "The Euclidean (Frobenius) norm, of everything or along axes.", Reductions.Kind.NORM))
        .method(Builtin.of("variance(self, axis=nil, keepdims=false, ddof=0)", "The variance (divided by n - ddof); numpy's var.",
            a -> Reductions.reduce(self(a), a.get(1), a.bool(2, false), Reductions.Kind.VAR, a.num(3, 0))))
        .method(Builtin.of("std(self, axis=nil, keepdims=false, ddof=0)", "The standard deviation (divided by n - ddof).",
            a -> Reductions.reduce(self(a), a.get(1), a.bool(2, false), Reductions.Kind.STD, a.num(3, 0))))
        .method(Builtin.of("any(self)", "True when some element is nonzero.",
            a -> (Boolean) Reductions.reduce(self(a).astype(DType.BOOL), null, false, Reductions.Kind.MAX, 0)))
        .method(Builtin.of("all(self)", "True when every element is nonzero.",
            a -> self(a).size() == 0 || (Boolean) Reductions.reduce(self(a).astype(DType.BOOL), null, false, Reductions.Kind.MIN, 0)))
        .method(Builtin.of("inv(self)", "The inverse matrix.", a -> LinAlg.inv(self(a))))
        .method(Builtin.of("det(self)", "The determinant.", a -> LinAlg.det(self(a))))
        .method(Builtin.of("abs(self)", "Elementwise absolute value.", a -> Elementwise.math("abs", self(a))));
  }
}
