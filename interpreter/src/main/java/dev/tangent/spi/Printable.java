package dev.tangent.spi;

/**
 * Text from files and foreign libraries made fit for an error message: control and binary
 * characters become \xNN escapes and long text is cut, so a garbled header never writes raw
 * bytes to the user's terminal.
 */
public final class Printable {
  private Printable() {}

  public static String of(String s, int max) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f || (c >= 0xa0 && !Character.isISOControl(c) && !Character.isSurrogate(c) && c != 0xfffd)) {
        sb.append(c);
      } else if (c == '\n' || c == '\t') {
        sb.append(' ');
      } else {
        sb.append(String.format("\\x%02x", (int) c & 0xff));
      }
    }
    if (sb.length() >= max) sb.setLength(max);
    return sb.length() < s.length() && sb.length() >= max ? sb + "…" : sb.toString();
  }
}
