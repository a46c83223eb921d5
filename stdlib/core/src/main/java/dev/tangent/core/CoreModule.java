package dev.tangent.core;

import dev.tangent.spi.Interop;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.core.tensor.TensorBuiltins;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/** The prelude: everything a program sees without importing. */
public final class CoreModule implements TangentModule {
  @Override public String name() { return "core"; }

  @Override public String doc() {
    return "The core library, always in scope: printing, collections, strings, math, files, "
        + "and tensors (small ones in Java, large ones in ND4J when tangent-tensor is present).";
  }

  @Override public boolean prelude() { return true; }

  /** Plain Tangent scripts: the prelude is all they start with. */
  @Override public java.util.List<String> extensions() { return java.util.List.of("tg"); }

  @Override public void define(ModuleBuilder m) {
    BasicBuiltins.define(m);
    MathBuiltins.define(m);
    CollectionBuiltins.define(m);
    CoreMethods.define(m);
    SystemBuiltins.define(m);
    TensorBuiltins.define(m);
    Interop.register(new Interop.Converter() {
      @Override public Object toTangent(Object java) {
        if (java instanceof double[][] rows) return Tensor.matrix(rows);
        if (java instanceof double[] v) return Tensor.vector(v);
        if (java instanceof float[] v) return Tensor.ofFloats(new int[] {v.length}, v);
        if (java instanceof long[] v) return Tensor.ofLongs(new int[] {v.length}, v);
        if (java instanceof int[] v) return Tensor.ofLongs(new int[] {v.length}, longs(v));
        if (java instanceof boolean[] v) return Tensor.ofBools(new int[] {v.length}, v);
        if (java instanceof float[][] rows) return floatMatrix(rows);
        return null;
      }

      @Override public Object toJava(Object value) {
        if (value instanceof Tensor t) {
          if (t.ndim() == 0) return t.dtype().equals("bool") ? (Object) (t.get(0) != 0) : (Object) t.get(0);
          switch (t.dtype()) {
            case "f32":
              if (t.ndim() == 1) return t.toFloatArray();
              if (t.ndim() == 2) return floatRows(t);
              break;
            case "i64":
              if (t.ndim() == 1) return t.toLongArray();
              break;
            case "bool":
              if (t.ndim() == 1) return t.toBoolArray();
              break;
            default:
              break;
          }
          if (t.ndim() == 2) return t.toArray2();
          if (t.ndim() == 1) return t.toDoubleArray();
        }
        return null;
      }
    });
  }

  private static long[] longs(int[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i];
    return out;
  }

  private static Tensor floatMatrix(float[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    float[] d = new float[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) throw new IllegalArgumentException("ragged float[][]: row " + i + " has " + rows[i].length + " values, expected " + c);
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return Tensor.ofFloats(new int[] {r, c}, d);
  }

  private static float[][] floatRows(Tensor t) {
    float[] d = t.toFloatArray();
    int r = t.dim(0);
    int c = t.dim(1);
    float[][] out = new float[r][c];
    for (int i = 0; i < r; i++) System.arraycopy(d, i * c, out[i], 0, c);
    return out;
  }
}
