package dev.tangent.spi;

import dev.tangent.diag.SourceFile;
import dev.tangent.diag.Span;
import java.util.List;

/**
 * Renders errors as
 * <pre>
 * FILE:LINE:COL: error: MESSAGE
 *     let x = foo + 1
 *             ^^^
 *   at f (FILE:LINE:COL)
 * </pre>
 */
final class ErrorFormatter {
  private ErrorFormatter() {}

  public static String format(TangentError e) {
    StringBuilder sb = new StringBuilder();
    Span span = e.span();
    String label = e.kind() == TangentError.Kind.INTERNAL ? "internal error" : "error";
    if (span != null) {
      sb.append(span.location()).append(": ").append(label).append(": ").append(e.getMessage());
      appendSnippet(sb, span);
    } else {
      sb.append(label).append(": ").append(e.getMessage());
    }
    List<TangentError.Frame> trace = e.trace();
    if (trace.size() > 1 || (trace.size() == 1 && !"<script>".equals(trace.get(0).function())
        && e.kind() == TangentError.Kind.RUNTIME)) {
      int shown = 0;
      for (TangentError.Frame fr : trace) {
        appendFrame(sb, fr);
        if (++shown == 20 && trace.size() > 21) {
          long more = trace.subList(20, trace.size() - 1).stream().mapToLong(TangentError.Frame::times).sum() + e.framesLeftOut();
          sb.append("\n  ... ").append(String.format("%,d", more)).append(" more frames");
          appendFrame(sb, trace.get(trace.size() - 1));
          break;
        }
      }
      if (shown < 20 && e.framesLeftOut() > 0) sb.append("\n  ... ").append(String.format("%,d", e.framesLeftOut())).append(" more frames");
    }
    if (e.hint() != null) sb.append("\n  hint: ").append(e.hint());
    return sb.toString();
  }

  /** "  at f (x.lie:3:5)", with "× 9,987" when the frame repeats (recursion). */
  private static void appendFrame(StringBuilder sb, TangentError.Frame fr) {
    sb.append("\n  at ").append(fr.function()).append(" (").append(fr.span().location()).append(')');
    if (fr.times() > 1) sb.append(" × ").append(String.format("%,d", fr.times()));
  }

  /** Appends the offending source line and a caret line under the span. */
  public static void appendSnippet(StringBuilder sb, Span span) {
    SourceFile src = span.source();
    int line = span.line();
    String text = src.line(line);
    if (text.isBlank() && span.start() >= src.text().length() && line > 1) {
      // An error at end of input points after the last non-empty line.
      line--;
      text = src.line(line);
    }
    int col = Math.max(1, Math.min(span.column(), text.length() + 1));
    if (line != span.line()) col = text.length() + 1;
    int lineEnd = src.lineStart(line) + text.length();
    int width = Math.max(1, Math.min(span.end(), lineEnd) - span.start());
    if (line != span.line() || span.start() >= lineEnd) width = 1;
    String expanded = text.replace('\t', ' ');
    // A very long line (generated code, a minified file) shows a window around the span.
    if (expanded.length() > MAX_LINE) {
      int from = Math.max(0, Math.min(col - 1 - MAX_LINE / 2, expanded.length() - MAX_LINE));
      int to = Math.min(expanded.length(), from + MAX_LINE);
      String lead = from > 0 ? "…" : "";
      width = Math.max(1, Math.min(width, to - (col - 1)));
      col = col - from + lead.length();
      expanded = lead + expanded.substring(from, to) + (to < expanded.length() ? "…" : "");
    }
    sb.append('\n').append("    ").append(expanded).append('\n').append("    ");
    for (int i = 1; i < col; i++) sb.append(' ');
    for (int i = 0; i < width; i++) sb.append('^');
  }

  /** Longest source line shown whole in an error; longer ones show a window around the span. */
  static final int MAX_LINE = 160;
}
