package dev.tangent.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;

final class TensorErrors {
  private TensorErrors() {}

  static String message(Tangent t, String code) {
    return assertThrows(TangentException.class, () -> t.evalRaw(code)).format();
  }
}
