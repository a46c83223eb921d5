package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The array built-ins from scripts: loading, saving, errors, and the sandbox. */
class ArrayBuiltinsTest {
  static Tangent open(Permissions p) {
    return Tangent.builder().output(new StringWriter()).permissions(p).build();
  }

  @Test void loadsAndSavesFromScripts(@TempDir Path dir) {
    Tangent t = open(Permissions.all());
    String fx = Path.of("src/test/resources/arrays").toAbsolutePath().toString();
    assertEquals(-1.5 + 0.25 * 5, t.eval("load_npy(\"" + fx + "/f64_le.npy\")[1, 2]"));
    assertEquals(java.util.List.of(2.0, 3.0), t.eval("load_npy(\"" + fx + "/f64_le.npy\").shape"));
    assertEquals("f32", t.eval("load_npz(\"" + fx + "/plain.npz\").a.dtype"));
    String out = dir.resolve("o.npz").toString();
    t.eval("save_npz(\"" + out + "\", {w: tensor([[1, 2], [3, 4]]), b: tensor([5, 6])}, compress: true)");
    assertEquals(10.0, t.eval("let z = load_npz(\"" + out + "\")\nsum(z.w) "));
    assertEquals(6.0, t.eval("load_npz(\"" + out + "\").b[1]"));
    String st = dir.resolve("m.safetensors").toString();
    t.eval("save_safetensors(\"" + st + "\", {x: tensor([1.5, 2.5])}, metadata: {step: 3})");
    assertEquals(2.5, t.eval("load_safetensors(\"" + st + "\").x[1]"));
  }

  @Test void reportsMissingAndBrokenFiles(@TempDir Path dir) throws Exception {
    Tangent t = open(Permissions.all());
    TangentException e = assertThrows(TangentException.class, () -> t.eval("load_npy(\"/no/such.npy\")"));
    assertTrue(e.format().startsWith("<eval>:1:1: error: load_npy(): /no/such.npy: no such file"), e.format());
    Path bad = dir.resolve("bad.npz");
    java.nio.file.Files.writeString(bad, "not a zip");
    e = assertThrows(TangentException.class, () -> t.eval("load_npz(\"" + bad + "\")"));
    assertTrue(e.format().contains("not a .npz file"), e.format());
    e = assertThrows(TangentException.class, () -> t.eval("save_npy(\"" + dir.resolve("x.npy") + "\", tensor([300]), dtype: \"u8\")"));
    assertTrue(e.format().contains("does not fit in u8"), e.format());
  }

  @Test void embeddedInterpretersCannotTouchFilesUnlessGranted(@TempDir Path dir) {
    Tangent sandboxed = open(Permissions.none());
    String p = dir.resolve("x.npy").toString();
    TangentException e = assertThrows(TangentException.class, () -> sandboxed.eval("save_npy(\"" + p + "\", tensor([1]))"));
    assertTrue(e.format().contains("permission denied"), e.format());
    Tangent granted = open(Permissions.none().allowReadWrite(dir));
    granted.eval("save_npy(\"" + p + "\", tensor([1, 2]))");
    assertEquals(2.0, granted.eval("load_npy(\"" + p + "\")[1]"));
  }
}
