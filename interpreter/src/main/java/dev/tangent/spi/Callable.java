package dev.tangent.spi;

/**
 * Anything that can be called: user functions, lambdas, built-ins, bound methods, groups used as
 * constructors. Arguments arrive as one array, positional ones first; {@code names} is null when
 * all are positional, otherwise it names the last {@code names.length} arguments.
 */
public interface Callable {
  Object call(Context ctx, Object[] args, String[] names);

  String name();

  /** The signature as a user reads it, e.g. "interpolate(X, Y, s, method='slerp')". */
  default String signature() { return name() + "(...)"; }

  default String doc() { return null; }

  /** True for functions written in Tangent (shown as <fn ...>); built-ins show as <builtin ...>. */
  default boolean userDefined() { return false; }
}
