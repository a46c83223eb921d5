package dev.tangent.lie.diff;

import dev.tangent.spi.TangentError;

/** One call of diff(): the size n of its stacked input tangent, shared by the values it tracks. */
public final class DiffScope {
  public final int n;

  DiffScope(int n) {
    this.n = n;
  }

  public static TangentError mixed() {
    return TangentError.runtime("diff: values tracked by two different diff() calls cannot be combined")
        .withHint("nested diff() calls must not capture each other's tracked values");
  }
}
