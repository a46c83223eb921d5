package dev.tangent.spi;

import dev.tangent.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A language error: a syntax error, a static error found by the resolver, or a runtime error.
 * Built-ins throw it without a span; the nearest executable node that has one fills it in.
 * It never carries a Java stack trace (writableStackTrace = false), so creating it is cheap.
 */
public class TangentError extends RuntimeException {
  public enum Kind { SYNTAX, STATIC, RUNTIME, INTERRUPT, INTERNAL }

  /**
   * One script frame: the function and the position being executed in it; {@code times} counts
   * identical frames in a row (deep recursion), so a trace stays short however deep it was.
   */
  public record Frame(String function, Span span, long times) {
    public Frame(String function, Span span) {
      this(function, span, 1);
    }

    boolean same(String f, Span s) {
      return java.util.Objects.equals(function, f) && span != null && s != null
          && span.source() == s.source() && span.start() == s.start() && span.end() == s.end();
    }
  }

  private final Kind kind;
  private Span span;
  private final List<Frame> trace = new ArrayList<>();
  /** Frames left out of the trace once it holds 64 distinct ones. */
  private long framesLeftOut;
  private String hint;

  public TangentError(Kind kind, String message, Span span) {
    super(message, null, false, false);
    this.kind = kind;
    this.span = span;
  }

  public TangentError(Kind kind, String message, Span span, Throwable cause) {
    super(message, cause, false, true);
    this.kind = kind;
    this.span = span;
  }

  public static TangentError runtime(String message) {
    return new TangentError(Kind.RUNTIME, message, null);
  }

  public static TangentError runtime(String message, Span span) {
    return new TangentError(Kind.RUNTIME, message, span);
  }

  public Kind kind() { return kind; }
  public Span span() { return span; }
  public List<Frame> trace() { return trace; }
  public String hint() { return hint; }

  public TangentError withHint(String h) { this.hint = h; return this; }

  /** Gives a span-less error its position and records the innermost frame. */
  public TangentError locate(Span where, String function) {
    if (span == null) {
      span = where;
    }
    if (trace.isEmpty() && span != null) {
      trace.add(new Frame(function, span));
    }
    return this;
  }

  /** Records that the error left a call made at {@code callSite} inside {@code caller}. */
  public void addCaller(String caller, Span callSite) {
    int last = trace.size() - 1;
    if (last >= 0 && trace.get(last).same(caller, callSite)) {
      Frame f = trace.get(last);
      trace.set(last, new Frame(f.function(), f.span(), f.times() + 1));
    } else if (trace.size() < 64) {
      trace.add(new Frame(caller, callSite));
    } else {
      framesLeftOut++;
    }
  }

  public long framesLeftOut() { return framesLeftOut; }

  /** The message formatted for a terminal: location, source line, caret, script frames. */
  public String format() {
    return ErrorFormatter.format(this);
  }
}
