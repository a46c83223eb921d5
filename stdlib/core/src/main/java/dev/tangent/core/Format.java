package dev.tangent.core;

import dev.tangent.spi.TangentError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** fmt(x, spec): a printf number spec such as ".3f", "8.2e", "5d", "g". */
final class Format {
  private Format() {}

  private static final Pattern SPEC = Pattern.compile("([-+ 0,]*)(\\d*)(?:\\.(\\d+))?([fegdx%])");

  static String number(double x, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw TangentError.runtime("fmt(): bad spec " + spec + " (examples: \".3f\", \"8.2e\", \"5d\", \"g\", \".1%\")");
    }
    String conv = m.group(4);
    String flags = m.group(1);
    String width = m.group(2);
    String prec = m.group(3);
    if (conv.equals("d") || conv.equals("x")) {
      if (x != Math.rint(x)) throw TangentError.runtime("fmt(): " + spec + " needs an integer, got " + x);
      return String.format(Locale.ROOT, "%" + flags + width + conv, (long) x);
    }
    if (conv.equals("%")) {
      return String.format(Locale.ROOT, "%" + flags + width + "." + (prec == null ? "6" : prec) + "f", x * 100) + "%";
    }
    return String.format(Locale.ROOT, "%" + flags + width + (prec == null ? "" : "." + prec) + conv, x);
  }
}
