package dev.tangent.exec;

/**
 * Carries break/continue/return out of an if-expression's block, where statement completion
 * codes cannot travel. Rare, so an exception is fine; it has no stack trace.
 */
public final class ControlSignal extends RuntimeException {
  public static final int NORMAL = 0;
  public static final int BREAK = 1;
  public static final int CONTINUE = 2;
  public static final int RETURN = 3;

  public final int code;

  public ControlSignal(int code) {
    super(null, null, false, false);
    this.code = code;
  }
}
