package dev.tangent.lib;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** An interpreter with nn and lib imported, its output, and paths of the shared test data. */
final class LibTesting {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final Tangent t;

  LibTesting() {
    t = Tangent.builder().output(out).errors(err).permissions(Permissions.all()).importModule("nn").importModule("lib").build();
  }

  Object eval(String code) { return t.eval(code); }

  Object raw(String code) { return t.evalRaw(code); }

  double num(String code) { return ((Number) t.eval(code)).doubleValue(); }

  double[] values(String code) {
    Object v = t.evalRaw(code);
    if (v instanceof dev.tangent.nn.value.DTensor d) return d.toTensor().toDoubleArray();
    return ((Tensor) v).toDoubleArray();
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String code) { return (List<Object>) t.eval(code); }

  /** The formatted error of code that must fail. */
  String error(String code) {
    try {
      t.eval(code);
    } catch (TangentException e) {
      return e.format();
    }
    throw new AssertionError("expected an error from: " + code);
  }

  static String path(Path p) { return p.toAbsolutePath().normalize().toString().replace("\\", "/"); }

  static String testdata(String name) { return path(Path.of("../../testdata").resolve(name)); }

  static String resource(String name) { return path(Path.of("src/test/resources").resolve(name)); }
}
