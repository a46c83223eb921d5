package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.util.Map;

/** json(x): numbers, strings, booleans, nil, lists, tuples, maps, and module values. */
public final class Json {
  private Json() {}

  public static String write(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (depth > 200) throw TangentError.runtime("json: value nested too deeply (a cycle?)");
    if (v instanceof Double d) {
      double x = d;
      if (Double.isNaN(x) || Double.isInfinite(x)) sb.append("null");
      else sb.append(Display.fullNumber(x));
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v == Nil.NIL || v == null) {
      sb.append("null");
    } else if (v instanceof TList l) {
      array(sb, l.items, depth);
    } else if (v instanceof Tuple t) {
      array(sb, t.list(), depth);
    } else if (v instanceof TMap m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        Object k = e.getKey();
        string(sb, k instanceof String s ? s : Display.str(k));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof JsonConvertible jc) {
      write(sb, jc.toJson(), depth + 1);
    } else {
      throw TangentError.runtime("json: cannot convert a " + Types.typeName(v) + " to JSON");
    }
  }

  private static void array(StringBuilder sb, java.util.List<Object> xs, int depth) {
    sb.append('[');
    for (int i = 0; i < xs.size(); i++) {
      if (i > 0) sb.append(", ");
      write(sb, xs.get(i), depth + 1);
    }
    sb.append(']');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
      }
    }
    sb.append('"');
  }
}
