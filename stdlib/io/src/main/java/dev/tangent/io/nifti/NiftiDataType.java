package dev.tangent.io.nifti;

import dev.tangent.io.array.DType;

/** NIfTI-1 datatype codes and the array element types Tangent reads them as. */
public final class NiftiDataType {
  private NiftiDataType() {}

  public static DType toDType(int code) {
    switch (code) {
      case 2: return DType.U8;
      case 4: return DType.I16;
      case 8: return DType.I32;
      case 16: return DType.F32;
      case 64: return DType.F64;
      case 256: return DType.I8;
      case 512: return DType.U16;
      case 768: return DType.U32;
      case 1024: return DType.I64;
      case 1280: return DType.U64;
      default: return null;
    }
  }

  public static int code(DType d) {
    switch (d) {
      case U8: case BOOL: return 2;
      case I16: return 4;
      case I32: return 8;
      case F32: return 16;
      case F64: return 64;
      case I8: return 256;
      case U16: return 512;
      case U32: return 768;
      case I64: return 1024;
      case U64: return 1280;
      default: throw new IllegalArgumentException("no NIfTI datatype for " + d);
    }
  }

  /** The name of a code Tangent cannot read, for the error message. */
  public static String describe(int code) {
    switch (code) {
      case 0: return "unknown (0)";
      case 1: return "binary (1)";
      case 32: return "complex64 (32)";
      case 128: return "RGB24 (128)";
      case 1536: return "float128 (1536)";
      case 1792: return "complex128 (1792)";
      case 2048: return "complex256 (2048)";
      case 2304: return "RGBA32 (2304)";
      default: return "code " + code;
    }
  }
}
