package dev.tangent.core;

import dev.tangent.core.tensor.MathFunctions;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Operators;
import dev.tangent.spi.ModuleBuilder;
import java.util.function.DoubleUnaryOperator;

/**
 * sin, exp, sqrt... Numbers take the fast path; tensors apply elementwise and dual numbers
 * (the lie module's diff) differentiate, both through Operand.mathOp.
 */
final class MathBuiltins {
  private MathBuiltins() {}

  private static final String[][] UNARY = {
      {"sin", "Sine (radians)."}, {"cos", "Cosine (radians)."}, {"tan", "Tangent (radians)."},
      {"asin", "Arc sine, in [-pi/2, pi/2]."}, {"acos", "Arc cosine, in [0, pi]."}, {"atan", "Arc tangent, in [-pi/2, pi/2]."},
      {"sinh", "Hyperbolic sine."}, {"cosh", "Hyperbolic cosine."}, {"tanh", "Hyperbolic tangent."},
      {"exp", "e raised to x."}, {"expm1", "exp(x) - 1, accurate for small x."},
      {"log1p", "log(1 + x), accurate for small x."}, {"log10", "Base-10 logarithm."}, {"log2", "Base-2 logarithm."},
      {"sqrt", "Square root."}, {"cbrt", "Cube root."}, {"abs", "Absolute value."},
      {"floor", "Largest integer not above x."}, {"ceil", "Smallest integer not below x."},
      {"sign", "-1, 0 or 1 by the sign of x."}, {"sigmoid", "1 / (1 + exp(-x))."},
  };

  static void define(ModuleBuilder m) {
    for (String[] u : UNARY) m.function(unary(u[0], u[1]));
    m.functions(
        Builtin.of("log(x, base=nil)", "Natural logarithm, or the logarithm in the given base.",
            a -> {
              Object x = a.get(0);
              if (!a.present(1)) return x instanceof Double d ? Math.log(d) : Operators.math("log", x);
              return Math.log(a.num(0)) / Math.log(a.num(1));
            }),
        Builtin.of("round(x, digits=0)", "x rounded to the given number of decimals (halves to even, as numpy).",
            a -> {
              Object x = a.get(0);
              int digits = a.integer(1, 0);
              if (!(x instanceof Double)) return Operators.math("round", x);
              double v = (Double) x;
              if (!Double.isFinite(v)) return v;
              return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
            }),
        Builtin.of("atan2(y, x)", "The angle of the point (x, y), in (-pi, pi].", a -> Math.atan2(a.num(0), a.num(1))),
        Builtin.of("hypot(x, y)", "sqrt(x^2 + y^2) without overflow.", a -> Math.hypot(a.num(0), a.num(1))),
        Builtin.of("isnan(x)", "True when x is not a number.", a -> Double.isNaN(a.num(0))),
        Builtin.of("isinf(x)", "True when x is infinite.", a -> Double.isInfinite(a.num(0))),
        Builtin.of("isfinite(x)", "True when x is neither infinite nor nan.", a -> Double.isFinite(a.num(0))));
    m.value("pi", Math.PI, "The ratio of a circle's circumference to its diameter.");
    m.value("tau", 2 * Math.PI, "2 pi.");
    m.value("e", Math.E, "Euler's number.");
    m.value("inf", Double.POSITIVE_INFINITY, "Positive infinity.");
    m.value("nan", Double.NaN, "Not a number.");
  }

  private static Builtin unary(String name, String doc) {
    DoubleUnaryOperator f = MathFunctions.get(name);
    return Builtin.of(name + "(x)", doc + " Works elementwise on tensors.", a -> {
      Object x = a.get(0);
      if (x instanceof Double d) return f.applyAsDouble(d);
      return Operators.math(name, x);
    });
  }
}
