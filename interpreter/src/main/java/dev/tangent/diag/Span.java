package dev.tangent.diag;

/** A half-open character range [start, end) in a source file. Every syntax-tree node carries one. */
public record Span(SourceFile source, int start, int end) {
  public int line() { return source.lineOf(start); }
  public int column() { return source.columnOf(start); }

  public Span to(Span other) {
    return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
  }

  /** FILE:LINE:COL, the prefix of every message. */
  public String location() {
    return source.name() + ":" + line() + ":" + column();
  }

  @Override public String toString() { return location(); }
}
