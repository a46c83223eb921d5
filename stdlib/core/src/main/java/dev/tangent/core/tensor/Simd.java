package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;

/**
 * f32 kernels on the JDK's Vector API (SIMD, with SVML for exp/sin/cos) when the JVM runs with
 * --add-modules jdk.incubator.vector; otherwise (the default: the module prints a warning at
 * start-up) the scalar kernels run. {@link VectorKernels} is loaded only when the module is there.
 */
final class Simd {
  private Simd() {}

  static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !Boolean.getBoolean("tangent.tensor.noSimd");

  /** z[zo..] = fn(a[ao..]) for n elements; false when fn has no vector kernel. */
  static boolean unary(String fn, float[] a, int ao, float[] z, int zo, int n) {
    return AVAILABLE && VectorKernels.unary(fn, a, ao, z, zo, n);
  }

  /** z[zo..] = x op y; false when op has no vector kernel. */
  static boolean binary(BinOp op, float[] x, int xo, float[] y, int yo, float[] z, int zo, int n) {
    return AVAILABLE && VectorKernels.binary(op, x, xo, y, yo, z, zo, n);
  }
}
