package dev.tangent.spi;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How values print. Numbers show at most 12 significant digits, so 0.1 + 0.2 prints 0.3 and
 * 1e-8 prints 1e-08 (numpy's style); repr-style full precision is available through repr(x).
 */
public final class Display {
  private Display() {}

  public static final int DEFAULT_DIGITS = 12;

  /** A number as a scientist expects to read it. */
  public static String number(double x) {
    return number(x, DEFAULT_DIGITS);
  }

  public static String number(double x, int digits) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      if (x == 0 && 1 / x < 0) return "-0";
      return Long.toString((long) x);
    }
    if (Double.isNaN(x)) return "nan";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    double ax = Math.abs(x);
    if (ax >= 1e-4 && ax < 1e15) {
      BigDecimal bd = new BigDecimal(x).round(new java.math.MathContext(digits));
      String s = bd.stripTrailingZeros().toPlainString();
      return s;
    }
    String s = String.format("%." + (digits - 1) + "e", x);
    int e = s.indexOf('e');
    String mant = s.substring(0, e);
    if (mant.indexOf('.') >= 0) {
      mant = mant.replaceAll("0+$", "");
      if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
    }
    String exp = s.substring(e + 1);
    char sign = exp.charAt(0);
    String digitsPart = exp.substring(1).replaceFirst("^0+(?=\\d\\d)", "");
    if (digitsPart.length() < 2) digitsPart = "0" + digitsPart;
    return mant + "e" + (sign == '-' ? "-" : "+") + digitsPart;
  }

  /** The shortest text that reads back as exactly the same double. */
  public static String fullNumber(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) return number(x);
    if (Double.isNaN(x) || Double.isInfinite(x)) return number(x);
    String s = Double.toString(x);
    if (s.contains("E")) {
      String[] p = s.split("E");
      String m = p[0].endsWith(".0") ? p[0].substring(0, p[0].length() - 2) : p[0];
      int ex = Integer.parseInt(p[1]);
      return m + "e" + (ex < 0 ? "-" : "+") + (Math.abs(ex) < 10 ? "0" : "") + Math.abs(ex);
    }
    return s;
  }

  /** print() and interpolation: strings as they are, everything else as repr. */
  public static String str(Object v) {
    if (v instanceof String s) return s;
    return repr(v);
  }

  /** The REPL's echo and the form inside containers: strings quoted. */
  public static String repr(Object v) {
    StringBuilder sb = new StringBuilder();
    repr(sb, v, new IdentityHashMap<>());
    return sb.toString();
  }

  private static void repr(StringBuilder sb, Object v, IdentityHashMap<Object, Boolean> seen) {
    if (v instanceof Double d) {
      sb.append(number(d));
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean || v == Nil.NIL) {
      sb.append(v);
    } else if (v instanceof TList l) {
      if (seen.put(v, true) != null) { sb.append("[...]"); return; }
      sb.append('[');
      items(sb, l.items, seen);
      sb.append(']');
      seen.remove(v);
    } else if (v instanceof Tuple t) {
      sb.append('(');
      items(sb, t.list(), seen);
      if (t.size() == 1) sb.append(',');
      sb.append(')');
    } else if (v instanceof TMap m) {
      if (seen.put(v, true) != null) { sb.append("{...}"); return; }
      sb.append('{');
      Iterator<Map.Entry<Object, Object>> it = m.entries.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<Object, Object> e = it.next();
        if (e.getKey() instanceof String k && isIdentifier(k)) sb.append(k);
        else repr(sb, e.getKey(), seen);
        sb.append(": ");
        repr(sb, e.getValue(), seen);
        if (it.hasNext()) sb.append(", ");
      }
      sb.append('}');
      seen.remove(v);
    } else if (v instanceof Callable c && !(v instanceof TypeLike) && !(v instanceof HasMembers)) {
      sb.append(c.userDefined() ? "<fn " : "<builtin ").append(c.signature()).append('>');
    } else if (v == null) {
      sb.append("<null>");
    } else {
      sb.append(v);
    }
  }

  private static void items(StringBuilder sb, List<Object> xs, IdentityHashMap<Object, Boolean> seen) {
    for (int i = 0; i < xs.size(); i++) {
      if (i > 0) sb.append(", ");
      if (i >= 1000 && xs.size() > 1010) {
        sb.append("... (").append(xs.size() - 1000).append(" more)");
        return;
      }
      repr(sb, xs.get(i), seen);
    }
  }

  public static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
    }
    return true;
  }

  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\t': sb.append("\\t"); break;
        case '\r': sb.append("\\r"); break;
        case '$': sb.append("\\$"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u{%x}", (int) c));
          else sb.append(c);
      }
    }
    sb.append('"');
  }
}
