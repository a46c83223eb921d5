package dev.tangent.io.array;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small strict JSON reader (objects, arrays, strings, numbers, literals) for file headers. */
public final class MiniJson {
  private final String s;
  private int i;
  private int depth;
  /** Headers nest two or three levels; a file nesting deeper is refused, not a stack overflow. */
  private static final int MAX_DEPTH = 64;

  private MiniJson(String s) { this.s = s; }

  public static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    try {
      p.ws();
      Object v = p.value();
      p.ws();
      if (p.i != p.s.length()) throw new IllegalArgumentException("trailing characters at " + p.i);
      return v;
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("unexpected end of the JSON text");
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  private Object value() {
    if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
    char c = s.charAt(i);
    if (c == '{' || c == '[') {
      if (++depth > MAX_DEPTH) throw new IllegalArgumentException("nested more than " + MAX_DEPTH + " levels deep");
      try {
        return c == '{' ? object() : array();
      } finally {
        depth--;
      }
    }
    if (c == '"') return string();
    if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
    if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
    if (s.startsWith("null", i)) { i += 4; return null; }
    return number();
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') { i++; return m; }
    while (true) {
      ws();
      String k = string();
      ws();
      expect(':');
      ws();
      m.put(k, value());
      ws();
      if (peek() == ',') { i++; continue; }
      expect('}');
      return m;
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') { i++; return l; }
    while (true) {
      ws();
      l.add(value());
      ws();
      if (peek() == ',') { i++; continue; }
      expect(']');
      return l;
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) throw new IllegalArgumentException("unterminated string");
      char c = s.charAt(i++);
      if (c == '"') return sb.toString();
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n': sb.append('\n'); break;
          case 't': sb.append('\t'); break;
          case 'r': sb.append('\r'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'u':
            try {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException bad) {
              throw new IllegalArgumentException("a \\u escape needs four hexadecimal digits, at " + i);
            }
            i += 4;
            break;
          default: sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private Number number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
    String t = s.substring(start, i);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("unexpected character '" + dev.tangent.spi.Printable.of(String.valueOf(s.charAt(start)), 8) + "' at " + start);
    }
    try {
      if (t.contains(".") || t.contains("e") || t.contains("E")) return Double.parseDouble(t);
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the number " + dev.tangent.spi.Printable.of(t, 40) + " is malformed or out of range");
    }
  }

  private char peek() { return i < s.length() ? s.charAt(i) : '\0'; }

  private void expect(char c) {
    if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
    i++;
  }

  static void quote(StringBuilder sb, String v) {
    sb.append('"');
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    sb.append('"');
  }
}
