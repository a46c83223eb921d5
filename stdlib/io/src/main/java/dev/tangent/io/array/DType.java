package dev.tangent.io.array;

/** Element types of array files, with their NumPy and safetensors names. */
public enum DType {
  F64(8, "f8", "F64"), F32(4, "f4", "F32"), F16(2, "f2", "F16"), BF16(2, null, "BF16"),
  I64(8, "i8", "I64"), I32(4, "i4", "I32"), I16(2, "i2", "I16"), I8(1, "i1", "I8"),
  U64(8, "u8", "U64"), U32(4, "u4", "U32"), U16(2, "u2", "U16"), U8(1, "u1", "U8"), BOOL(1, "b1", "BOOL");

  public final int bytes;
  /** NumPy's type code without the byte-order character, or null when NumPy has none. */
  public final String numpy;
  public final String safetensors;

  DType(int bytes, String numpy, String safetensors) {
    this.bytes = bytes;
    this.numpy = numpy;
    this.safetensors = safetensors;
  }

  public static DType fromNumpy(String code) {
    for (DType d : values()) if (code.equals(d.numpy)) return d;
    return null;
  }

  public static DType fromSafetensors(String name) {
    for (DType d : values()) if (name.equals(d.safetensors)) return d;
    return null;
  }

  /** The Tangent dtype name: f64, f32, i64, bool, u8... */
  public String lower() { return name().toLowerCase(); }

  public boolean isFloat() { return this == F64 || this == F32 || this == F16 || this == BF16; }
}
