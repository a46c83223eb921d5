package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The f32 SIMD kernels behind {@link Simd}; only loaded when jdk.incubator.vector is present. */
final class VectorKernels {
  private VectorKernels() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  // Each operator is a constant at its call site: C2 intrinsifies lanewise() only then.

  static boolean unary(String fn, float[] a, int ao, float[] z, int zo, int n) {
    int bound = S.loopBound(n);
    int step = S.length();
    int i = 0;
    switch (fn) {
      case "exp": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.EXP).intoArray(z, zo + i); break;
      case "sin": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.SIN).intoArray(z, zo + i); break;
      case "cos": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.COS).intoArray(z, zo + i); break;
      case "log": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.LOG).intoArray(z, zo + i); break;
      case "tanh": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.TANH).intoArray(z, zo + i); break;
      case "sqrt": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.SQRT).intoArray(z, zo + i); break;
      case "abs": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.ABS).intoArray(z, zo + i); break;
      case "neg": for (; i < bound; i += step) FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.NEG).intoArray(z, zo + i); break;
      default: return false;
    }
    // The tail through the scalar kernel (same results within an ulp).
    if (i < n) Elementwise.floatKernel(fn, MathFunctions.get(fn), a, ao + i, z, zo + i, n - i, false);
    return true;
  }

  static boolean binary(BinOp op, float[] x, int xo, float[] y, int yo, float[] z, int zo, int n) {
    int bound = S.loopBound(n);
    int step = S.length();
    int i = 0;
    switch (op) {
      case ADD: for (; i < bound; i += step) FloatVector.fromArray(S, x, xo + i).add(FloatVector.fromArray(S, y, yo + i)).intoArray(z, zo + i); break;
      case SUB: for (; i < bound; i += step) FloatVector.fromArray(S, x, xo + i).sub(FloatVector.fromArray(S, y, yo + i)).intoArray(z, zo + i); break;
      case MUL: for (; i < bound; i += step) FloatVector.fromArray(S, x, xo + i).mul(FloatVector.fromArray(S, y, yo + i)).intoArray(z, zo + i); break;
      case DIV: for (; i < bound; i += step) FloatVector.fromArray(S, x, xo + i).div(FloatVector.fromArray(S, y, yo + i)).intoArray(z, zo + i); break;
      default: return false;
    }
    for (; i < n; i++) {
      float p = x[xo + i];
      float q = y[yo + i];
      z[zo + i] = op == BinOp.ADD ? p + q : op == BinOp.SUB ? p - q : op == BinOp.MUL ? p * q : p / q;
    }
    return true;
  }
}
