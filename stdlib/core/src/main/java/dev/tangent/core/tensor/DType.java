package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;

/** Element types, with numpy's promotion rules (Tangent numbers act as weak Python scalars). */
public enum DType {
  BOOL("bool"), I64("i64"), F32("f32"), F64("f64");

  public final String text;

  DType(String text) { this.text = text; }

  public boolean isFloat() { return this == F32 || this == F64; }

  @Override public String toString() { return text; }

  /** "f64", "float64", "double", "f32", "float32", "float", "i64", "int64", "int", "long", "bool". */
  public static DType parse(String s) {
    switch (s.toLowerCase()) {
      case "f64": case "float64": case "double": return F64;
      case "f32": case "float32": case "float": return F32;
      case "i64": case "int64": case "int": case "long": return I64;
      case "bool": case "boolean": return BOOL;
      default: throw TangentError.runtime("unknown dtype \"" + s + "\" (expected f64, f32, i64 or bool)");
    }
  }

  /** The result type of arithmetic between two tensors (numpy: i64 with f32 gives f64). */
  public static DType promote(DType a, DType b) {
    if (a == b) return a;
    if (a == F64 || b == F64) return F64;
    if ((a == F32 && b == I64) || (a == I64 && b == F32)) return F64;
    if (a == F32 || b == F32) return F32;
    return I64;
  }

  /** The result type of arithmetic between a tensor and a plain number (numpy 2's weak scalars). */
  public static DType withScalar(DType t, double scalar) {
    if (t.isFloat()) return t;
    boolean integral = scalar == Math.rint(scalar) && Math.abs(scalar) < 9.2e18;
    return integral ? I64 : F64;
  }
}
