package dev.tangent.nn;

import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.nio.file.Path;

/** A Tangent interpreter with nn imported, its captured output, and the shared test data. */
final class NnTesting {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final Tangent t;

  NnTesting() {
    t = Tangent.builder().output(out).errors(err).permissions(Permissions.all()).importModule("nn").build();
  }

  Object eval(String code) { return t.eval(code); }

  double num(String code) { return (Double) t.eval(code); }

  /** A tensor-valued expression's values (a DTensor is converted with .tensor()). */
  double[] values(String code) {
    Object v = t.evalRaw(code);
    if (v instanceof dev.tangent.nn.value.DTensor d) return d.toTensor().toDoubleArray();
    return ((Tensor) v).toDoubleArray();
  }

  static Path testdata(String name) {
    return Path.of("../../testdata").resolve(name).toAbsolutePath().normalize();
  }

  static Path resource(String name) {
    return Path.of("src/test/resources").resolve(name).toAbsolutePath();
  }
}
