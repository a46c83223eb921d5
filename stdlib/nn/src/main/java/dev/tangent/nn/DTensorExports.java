package dev.tangent.nn;

import static dev.tangent.nn.NnExports.fn;

import dev.tangent.spi.TypeInfo;

/** Methods and properties of DTensor (declarations only; see NnExports). */
final class DTensorExports {
  private DTensorExports() {}

  static final String[] MATH = {"sin", "cos", "tan", "tanh", "sinh", "cosh", "exp", "log", "log2", "log10", "sqrt", "abs",
      "sigmoid", "floor", "ceil", "round", "sign"};

  static void define(TypeInfo t) {
    for (String f : MATH) t.method(fn(f + "(self)", f + " of every element (differentiable).", a -> DTensorImpl.math(a, f)));
    t.property(fn("shape(self)", "The dimensions, as a tuple.", a -> DTensorImpl.shape(a)))
        .property(fn("ndim(self)", "The number of axes.", a -> DTensorImpl.ndim(a)))
        .property(fn("size(self)", "The number of elements.", a -> DTensorImpl.size(a)))
        .property(fn("dtype(self)", "\"f32\", \"f64\", \"i64\", \"bool\"...", a -> DTensorImpl.dtype(a)))
        .property(fn("device(self)", "Where the data lives: \"cpu()\" or \"gpu(0)\".", a -> DTensorImpl.device(a)))
        .property(fn("requires_grad(self)", "True for arrays that collect gradients (parameters, grad() inputs).",
            a -> DTensorImpl.requiresGrad(a)))
        .property(fn("grad(self)", "The gradient accumulated by backward(), or nil before any.", a -> DTensorImpl.grad(a)))
        .property(fn("T(self)", "The transpose (axes reversed).", a -> DTensorImpl.transpose(a, true)))
        .method(fn("tensor(self, *, share=false)",
            "The values as a plain Tensor: a copy (off the device if need be), or with share: true a Tensor over the "
                + "same CPU memory (f32/f64/i64), where a write through either is seen by the other.",
            a -> DTensorImpl.tensor(a)))
        .method(fn("item(self)", "The single element as a number.", a -> DTensorImpl.item(a)))
        .method(fn("backward(self)", "Accumulates d(self)/d(leaf) into the .grad of every leaf that requires a gradient (self must be a scalar).",
            a -> DTensorImpl.backward(a)))
        .method(fn("detach(self)", "A copy that does not record gradients.", a -> DTensorImpl.detach(a)))
        .method(fn("requires_grad_(self, on=true)", "Marks a leaf array to collect gradients; returns self.",
            a -> DTensorImpl.requiresGradSet(a)))
        .method(fn("zero_grad(self)", "Sets the accumulated gradient to zero.", a -> DTensorImpl.zeroGrad(a)))
        .method(fn("assign(self, value)", "Overwrites the values in place without recording a gradient (manual updates).",
            a -> DTensorImpl.assign(a)))
        .method(fn("sum(self, axis=nil, keepdims=false)", "The sum of all elements, or along axis (a number or a list).",
            a -> DTensorImpl.reduce(a, "sum")))
        .method(fn("mean(self, axis=nil, keepdims=false)", "The mean.", a -> DTensorImpl.reduce(a, "mean")))
        .method(fn("max(self, axis=nil, keepdims=false)", "The largest element(s).", a -> DTensorImpl.reduce(a, "max")))
        .method(fn("min(self, axis=nil, keepdims=false)", "The smallest element(s).", a -> DTensorImpl.reduce(a, "min")))
        .method(fn("argmax(self, axis=nil)", "Index of the largest element (flattened), or along axis.", a -> DTensorImpl.argmax(a)))
        .method(fn("reshape(self, *shape)", "The same values in a new shape (one size may be -1).", a -> DTensorImpl.reshape(a)))
        .method(fn("transpose(self, *axes)", "Axes permuted (reversed when none are given).", a -> DTensorImpl.transpose(a, false)))
        .method(fn("squeeze(self, axis=nil)", "Drops axes of size 1.", a -> DTensorImpl.squeeze(a)))
        .method(fn("unsqueeze(self, axis)", "Inserts an axis of size 1.", a -> DTensorImpl.unsqueeze(a)))
        .method(fn("softmax(self, axis=-1)", "softmax along axis.", a -> DTensorImpl.softmax(a, false)))
        .method(fn("log_softmax(self, axis=-1)", "log softmax along axis.", a -> DTensorImpl.softmax(a, true)))
        .method(fn("relu(self)", "max(self, 0).", a -> DTensorImpl.relu(a)))
        .method(fn("astype(self, dtype)", "A copy converted to \"f32\", \"f64\", \"i64\" or \"bool\".", a -> DTensorImpl.astype(a)))
        .method(fn("to(self, device)", "A copy on another device (\"cpu\", \"gpu\", \"auto\").", a -> DTensorImpl.to(a)));
  }
}
