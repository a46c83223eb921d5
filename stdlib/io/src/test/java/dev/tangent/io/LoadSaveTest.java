package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TMap;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load(path) / save(path, value) pick the format from the name and pass options through. */
class LoadSaveTest {
  private final Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();

  @Test void everyFormatByItsName(@TempDir Path dir) throws Exception {
    t.evalRaw("let m = tensor([[1, 2], [3, 4]])");
    for (String name : new String[] {"a.npy", "a.nii", "a.nii.gz", "a.png", "a.csv"}) {
      Path p = dir.resolve(name);
      t.evalRaw("save(\"" + p + "\", m)");
      Object back = t.evalRaw("load(\"" + p + "\")");
      Tensor tensor = back instanceof NiftiImage n ? n.data()
          : back instanceof TMap cols ? (Tensor) t.evalRaw("load(\"" + p + "\", header: false, tensor: true)")
          : (Tensor) back;
      assertArrayEquals(new double[] {1, 2, 3, 4}, tensor.toDoubleArray(), name);
    }
    assertTrue(Files.readString(dir.resolve("a.csv")).startsWith("1,2\n"));
    t.evalRaw("save(\"" + dir.resolve("b.npz") + "\", {w: m}, compress: true)");
    assertEquals(4.0, t.evalRaw("load(\"" + dir.resolve("b.npz") + "\").w[1, 1]"));
    t.evalRaw("save(\"" + dir.resolve("c.safetensors") + "\", {w: m})");
    assertEquals(3.0, t.evalRaw("load(\"" + dir.resolve("c.safetensors") + "\").w[1, 0]"));
    t.evalRaw("save(\"" + dir.resolve("d.tsv") + "\", {x: [1, 2], y: [\"a\", \"b\"]})");
    assertEquals("x\ty\n1\ta\n2\tb\n", Files.readString(dir.resolve("d.tsv")));
    assertEquals("b", t.evalRaw("load(\"" + dir.resolve("d.tsv") + "\").y[1]"));
    Path labels = DebianData.fashionMnist("t10k-labels-idx1-ubyte.gz");
    assertArrayEquals(new int[] {10000}, ((Tensor) t.evalRaw("load(\"" + labels + "\")")).shape());
    assertArrayEquals(new int[] {512, 512, 3}, ((Tensor) t.evalRaw("load(\"" + DebianData.file("skimage/camera.png") + "\", mode: \"rgb\")")).shape());
  }

  @Test void writtenFilesAreReadableLikeOrdinaryFiles(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("w.npy");
    t.evalRaw("save(\"" + p + "\", tensor([1]))");
    assertTrue(Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
        "not the 0600 of a temporary file: " + Files.getPosixFilePermissions(p));
    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    t.evalRaw("save(\"" + p + "\", tensor([2]))");
    assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(p), "a replaced file keeps its permissions");
  }

  @Test void unknownNamesSayWhatIsKnown() {
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw("load(\"notes.docx\")"));
    assertTrue(e.format().contains("load(): cannot tell the format of notes.docx from its name (known: .nii.gz, .nii"), e.format());
    e = assertThrows(TangentException.class, () -> t.evalRaw("save(\"x.gif\", tensor([1]))"));
    assertTrue(e.format().contains("save(): cannot tell the format of x.gif"), e.format());
  }
}
