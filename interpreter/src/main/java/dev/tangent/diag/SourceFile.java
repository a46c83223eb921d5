package dev.tangent.diag;

import java.util.Arrays;

/** The text of one script, REPL entry or eval string, with a line index for messages. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = name;
    // A UTF-8 byte order mark (some Windows editors write one) is not part of the program.
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < this.text.length(); i++) {
      if (this.text.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  public String name() { return name; }
  public String text() { return text; }
  public int lineCount() { return lineStarts.length; }

  /** The 1-based line holding character offset {@code offset}. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** The 1-based column of {@code offset} on its line. */
  public int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  public int lineStart(int line) { return lineStarts[line - 1]; }

  /** The text of a 1-based line, without its line terminator. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) return "";
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') end--;
    return text.substring(start, Math.max(start, end));
  }

  public Span span(int start, int end) { return new Span(this, start, end); }

  @Override public String toString() { return name; }
}
