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
    if (t.shape.length == 0) return prefix + Tensor.num(t.data[0]) + ")";
    if (t.data.length == 0) return prefix + "[], shape=" + Tensor.shapeText(t.shape) + ")";
    boolean summarize = t.data.length > THRESHOLD;
    Formatter f = new Formatter(t, summarize);
    StringBuilder sb = new StringBuilder(prefix);
    body(sb, t, 0, 0, prefix.length() + 1, f, summarize);
    return sb.append(')').toString();
  }

  private static void body(StringBuilder sb, Tensor t, int dim, int offset, int indent, Formatter f, boolean summarize) {
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
        sb.append(f.format(t.data[offset + i]));
      } else {
        body(sb, t, dim + 1, offset + i * stride, indent, f, summarize);
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
    final int left;
    final int right;

    Formatter(Tensor t, boolean summarize) {
      double maxAbs = 0;
      double minAbs = Double.POSITIVE_INFINITY;
      boolean ints = true;
      for (double x : t.data) {
        if (!Double.isFinite(x)) continue;
        double a = Math.abs(x);
        if (x != Math.rint(x) || a >= 1e16) ints = false;
        if (a > maxAbs) maxAbs = a;
        if (a > 0 && a < minAbs) minAbs = a;
      }
      integers = ints;
      scientific = !ints && minAbs != Double.POSITIVE_INFINITY
          && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
      int l = 0;
      int r = 0;
      for (double x : t.data) {
        String s = raw(x);
        int dot = split(s);
        l = Math.max(l, dot);
        r = Math.max(r, s.length() - dot);
      }
      left = l;
      right = r;
    }

    /** Where the aligned part ends: the decimal point, or the end for nan/inf and integers. */
    private int split(String s) {
      if (integers) return s.length();
      int dot = s.indexOf('.');
      return dot < 0 ? s.length() : dot;
    }

    String raw(double x) {
      if (Double.isNaN(x)) return "nan";
      if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
      if (integers) return Long.toString((long) x);
      if (scientific) {
        String s = String.format(java.util.Locale.ROOT, "%." + PRECISION + "e", x);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "");
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
