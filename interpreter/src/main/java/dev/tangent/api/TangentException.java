package dev.tangent.api;

import dev.tangent.spi.TangentError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the embedding API throws: one runtime error, or all the syntax/static errors of a
 * program. {@link #format()} gives the messages exactly as the command line prints them.
 */
public final class TangentException extends RuntimeException {
  private final List<TangentError> errors;

  public TangentException(List<TangentError> errors) {
    super(errors.isEmpty() ? "error" : errors.get(0).getMessage(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public TangentException(TangentError error) {
    this(List.of(error));
  }

  public List<TangentError> errors() { return errors; }

  public TangentError first() { return errors.get(0); }

  public TangentError.Kind kind() { return errors.get(0).kind(); }

  /** 65 for syntax/static errors, 70 for runtime and internal errors, 130 for an interrupt. */
  public int exitCode() {
    switch (kind()) {
      case SYNTAX: case STATIC: return 65;
      case INTERRUPT: return 130;
      default: return 70;
    }
  }

  public String format() {
    return errors.stream().map(TangentError::format).collect(Collectors.joining("\n"));
  }

  @Override public String getMessage() { return format(); }
}
