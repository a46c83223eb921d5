package dev.tangent.core.tensor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The scalar math functions by name, shared by the number built-ins and elementwise tensors. */
public final class MathFunctions {
  private MathFunctions() {}

  private static final Map<String, DoubleUnaryOperator> FNS = new HashMap<>();

  static {
    FNS.put("sin", Math::sin);
    FNS.put("cos", Math::cos);
    FNS.put("tan", Math::tan);
    FNS.put("asin", Math::asin);
    FNS.put("acos", Math::acos);
    FNS.put("atan", Math::atan);
    FNS.put("sinh", Math::sinh);
    FNS.put("cosh", Math::cosh);
    FNS.put("tanh", Math::tanh);
    FNS.put("exp", Math::exp);
    FNS.put("expm1", Math::expm1);
    FNS.put("log", Math::log);
    FNS.put("log1p", Math::log1p);
    FNS.put("log10", Math::log10);
    FNS.put("log2", x -> Math.log(x) / Math.log(2));
    FNS.put("sqrt", Math::sqrt);
    FNS.put("cbrt", Math::cbrt);
    FNS.put("abs", Math::abs);
    FNS.put("floor", Math::floor);
    FNS.put("ceil", Math::ceil);
    FNS.put("round", Math::rint);
    FNS.put("sign", Math::signum);
    FNS.put("sigmoid", x -> 1 / (1 + Math.exp(-x)));
  }

  public static DoubleUnaryOperator get(String name) {
    return FNS.get(name);
  }

  public static java.util.Set<String> names() {
    return FNS.keySet();
  }
}
