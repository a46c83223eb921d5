package dev.tangent.core.tensor;

import java.math.BigDecimal;

/**
 * numpy-style printing: aligned columns, a common number of decimals, scientific notation when
 * magnitudes differ widely, and "..." summaries beyond 1000 elements.
 */
public final class TensorFormat {
  private TensorFormat() {}

  static final int THRESHOLD = 1000;
  static final int EDGE = 3;
  static final int PRECISION = 8;

  public static String repr(Tensor t) {
    String prefix = "tensor(";
    String suffix = t.dtype == DType.F32 || t.dtype == DType.I64 ? ", dtype=" + t.dtype + ")" : ")";
    double[] data = t.storage.toDoubles();
    if (t.dtype == DType.F32) {
      // Print f32 values as their shortest float decimals, as numpy does (0.1f is 0.1, not 0.100000001).
      for (int i = 0; i < data.length; i++) if (Double.isFinite(data[i])) data[i] = Double.parseDouble(Float.toString((float) data[i]));
    }
    if (t.shape.length == 0) return prefix + (t.dtype == DType.BOOL ? String.valueOf(data[0] != 0) : Tensor.num(data[0])) + suffix;
    if (data.length == 0) return prefix + "[], shape=" + Tensor.shapeText(t.shape) + suffix;
    boolean summarize = data.length > THRESHOLD;
    Formatter f = new Formatter(summarize ? edges(t.shape, data) : data, t.dtype);
    StringBuilder sb = new StringBuilder(prefix);
    body(sb, t, data, 0, 0, prefix.length() + 1, f, summarize);
    return sb.append(suffix).toString();
  }

  /** The elements a summarised print shows (EDGE from each end of every axis). */
  private static double[] edges(int[] shape, double[] data) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    collect(shape, Tensor.strides(shape), data, 0, 0, out);
    double[] d = new double[out.size()];
    for (int i = 0; i < d.length; i++) d[i] = out.get(i);
    return d;
  }

  private static void collect(int[] shape, int[] strides, double[] data, int dim, int offset, java.util.List<Double> out) {
    int n = shape[dim];
    for (int i = 0; i < n; i++) {
      if (n > 2 * EDGE && i == EDGE) i = n - EDGE;
      if (dim == shape.length - 1) out.add(data[offset + i]);
      else collect(shape, strides, data, dim + 1, offset + i * strides[dim], out);
    }
  }

  /** Shape, dtype, device and a few statistics: what x.info() prints. */
  public static String info(Tensor t) {
    StringBuilder sb = new StringBuilder("Tensor shape=" + Tensor.shapeText(t.shape) + " dtype=" + t.dtype + " device=" + t.device()
        + " size=" + t.size());
    if (t.size() > 0 && t.dtype != DType.BOOL) {
      sb.append(" min=").append(Tensor.num((Double) Reductions.reduce(t, null, false, Reductions.Kind.MIN, 0)));
      sb.append(" max=").append(Tensor.num((Double) Reductions.reduce(t, null, false, Reductions.Kind.MAX, 0)));
      sb.append(" mean=").append(Tensor.num((Double) Reductions.reduce(t, null, false, Reductions.Kind.MEAN, 0)));
    }
    return sb.toString();
  }

  private static void body(StringBuilder sb, Tensor t, double[] data, int dim, int offset, int indent, Formatter f, boolean summarize) {
    int n = t.shape[dim];
    int stride = Tensor.strides(t.shape)[dim];
    sb.append('[');
    boolean last = dim == t.shape.length - 1;
    for (int i = 0; i < n; i++) {
      if (summarize && n > 2 * EDGE && i == EDGE) {
        sb.append(last ? "..., " : "...,\n" + " ".repeat(indent + dim) + (t.shape.length - dim > 2 ? "\n" + " ".repeat(indent + dim) : ""));
        i = n - EDGE - 1;
        continue;
      }
      if (last) {
        sb.append(f.format(data[offset + i]));
      } else {
        body(sb, t, data, dim + 1, offset + i * stride, indent, f, summarize);
      }
      if (i < n - 1) {
        if (last) sb.append(", ");
        else sb.append(",\n").append("\n".repeat(Math.max(0, t.shape.length - dim - 2))).append(" ".repeat(indent + dim));
      }
    }
    sb.append(']');
  }

  /**
   * Chooses one style for all elements, as numpy does: integers when every value is integral,
   * otherwise each value with its shortest form (at most 8 decimals), aligned on the decimal
   * point; scientific notation when magnitudes span more than 1e3 or leave [1e-4, 1e8).
   */
  static final class Formatter {
    final boolean integers;
    final boolean scientific;
    final boolean bools;
    final int left;
    final int right;
    /** Scientific notation: the mantissa digits after the point, the same for all (numpy pads with zeros). */
    private int mantissaDigits = -1;

    Formatter(double[] data, DType dtype) {
      bools = dtype == DType.BOOL;
      double maxAbs = 0;
      double minAbs = Double.POSITIVE_INFINITY;
      boolean ints = true;
      for (double x : data) {
        if (!Double.isFinite(x)) continue;
        double a = Math.abs(x);
        if (x != Math.rint(x) || a >= 1e16) ints = false;
        if (a > maxAbs) maxAbs = a;
        if (a > 0 && a < minAbs) minAbs = a;
      }
      integers = ints;
      scientific = !ints && minAbs != Double.POSITIVE_INFINITY
          && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
      if (scientific) {
        int m = 0;
        for (double x : data) {
          if (!Double.isFinite(x)) continue;
          String mant = raw(x);
          mant = mant.substring(0, mant.indexOf('e'));
          int dot = mant.indexOf('.');
          m = Math.max(m, dot < 0 ? 0 : mant.length() - dot - 1);
        }
        mantissaDigits = m;
      }
      int l = 0;
      int r = 0;
      for (double x : data) {
        String s = raw(x);
        int dot = split(s);
        l = Math.max(l, dot);
        r = Math.max(r, s.length() - dot);
      }
      left = l;
      right = r;
    }

    /** Where the aligned part ends: the decimal point, or the end for nan/inf, integers and booleans. */
    private int split(String s) {
      if (integers || bools) return s.length();
      int dot = s.indexOf('.');
      return dot < 0 ? s.length() : dot;
    }

    String raw(double x) {
      if (bools) return x != 0 ? "true" : "false";
      if (Double.isNaN(x)) return "nan";
      if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
      if (integers) return Long.toString((long) x);
      if (scientific) {
        String s = String.format(java.util.Locale.ROOT, "%." + PRECISION + "e", x);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "");
        if (mantissaDigits >= 0) mant = mant + "0".repeat(mantissaDigits - (mant.length() - mant.indexOf('.') - 1));
        String exp = s.substring(e + 1);
        char sign = exp.charAt(0);
        String digits = exp.substring(1).replaceFirst("^0+(?=\\d\\d)", "");
        return mant + "e" + sign + digits;
      }
      String s = new BigDecimal(x).setScale(PRECISION, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
      if (s.indexOf('.') < 0) s = s + ".";
      if (s.startsWith("-") && s.matches("-0\\.0*")) s = s.substring(1);
      return s;
    }

    String format(double x) {
      String s = raw(x);
      int dot = split(s);
      return " ".repeat(Math.max(0, left - dot)) + s + " ".repeat(Math.max(0, right - (s.length() - dot)));
    }
  }
}
