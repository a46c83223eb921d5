package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV reading (RFC 4180 quoting, a committed hand-written file) and writing. */
class CsvFilesTest {
  private final Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();
  private final String people = Path.of("src/test/resources/csv/people.csv").toAbsolutePath().toString();

  @Test void readsColumnsWithQuotesAndMissingValues() {
    TMap m = (TMap) t.evalRaw("load_csv(\"" + people + "\")");
    assertEquals(List.of("name", "age", "height_m", "note"), List.copyOf(m.entries.keySet()));
    assertEquals(List.of("Ada", "Grace \"Amazing\" Hopper", "Alan"), ((TList) m.get("name")).items);
    assertArrayEquals(new double[] {36, 85, 41}, ((Tensor) m.get("age")).toDoubleArray());
    double[] h = ((Tensor) m.get("height_m")).toDoubleArray();
    assertEquals(1.65, h[0]);
    assertTrue(Double.isNaN(h[2]), "an empty cell in a numeric column is nan");
    assertEquals(List.of("mathematician, poet's daughter", "", "multi\nline"), ((TList) m.get("note")).items);
  }

  @Test void tensorsAndTabsAndNoHeader(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("m.tsv");
    Files.writeString(p, "1\t2\t3\r\n4\t5\t6e-3\r\n");
    Tensor m = (Tensor) t.evalRaw("load_csv(\"" + p + "\", header: false, delimiter: \"\\t\", tensor: true)");
    assertArrayEquals(new int[] {2, 3}, m.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6e-3}, m.toDoubleArray());
    TMap cols = (TMap) t.evalRaw("load_csv(\"" + p + "\", header: false, delimiter: \"tab\")");
    assertArrayEquals(new double[] {3, 6e-3}, ((Tensor) cols.get("2")).toDoubleArray());
  }

  @Test void roundTripsColumnsTensorsRowsAndRecords(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.csv");
    t.evalRaw("save_csv(\"" + a + "\", {step: tensor([1, 2, 3]), loss: tensor([0.1, 1/3, 2e-9]), tag: [\"x\", \"y,z\", \"q\\\"\"]})");
    assertEquals("step,loss,tag\n1,0.1,x\n2,0.3333333333333333,\"y,z\"\n3,2e-09,\"q\"\"\"\n", Files.readString(a));
    TMap back = (TMap) t.evalRaw("load_csv(\"" + a + "\")");
    assertEquals(1.0 / 3, ((Tensor) back.get("loss")).toDoubleArray()[1], 0.0, "numbers are written to read back exactly");
    assertEquals(List.of("x", "y,z", "q\""), ((TList) back.get("tag")).items);
    Path b = dir.resolve("b.csv");
    t.evalRaw("save_csv(\"" + b + "\", tensor([[1, 2], [3, 4.5]]), header: [\"u\", \"v\"])");
    assertEquals("u,v\n1,2\n3,4.5\n", Files.readString(b));
    Path c = dir.resolve("c.csv");
    t.evalRaw("save_csv(\"" + c + "\", [{epoch: 1, acc: 0.5}, {epoch: 2, acc: 0.75}])");
    assertEquals("epoch,acc\n1,0.5\n2,0.75\n", Files.readString(c));
    Path d = dir.resolve("d.csv");
    t.evalRaw("save_csv(\"" + d + "\", [[1, \"a\"], [2, nil]], header: [\"n\", \"s\"])");
    assertEquals("n,s\n1,a\n2,\n", Files.readString(d));
  }

  @Test void clearErrors(@TempDir Path dir) throws Exception {
    Path ragged = dir.resolve("r.csv");
    Files.writeString(ragged, "a,b\n1,2\n3\n");
    assertMessage("load_csv(\"" + ragged + "\")", "load_csv(): " + ragged + ": row 3 has 1 fields, the header has 2");
    Path open = dir.resolve("o.csv");
    Files.writeString(open, "a,b\n1,\"2\n3,4\n");
    assertMessage("load_csv(\"" + open + "\")", "load_csv(): " + open + ": line 2: a quoted field is never closed");
    assertMessage("load_csv(\"" + people + "\", tensor: true)", "row 2, column 'name' is not a number: \"Ada\"");
    assertMessage("save_csv(\"" + dir.resolve("x.csv") + "\", {a: [1, 2], b: [1]})", "column 'b' has 1 values, the first has 2");
    assertMessage("load_csv(\"" + dir.resolve("none.csv") + "\")", "no such file");
  }

  @Test void theSandboxGuardsCsv(@TempDir Path dir) {
    Tangent sandboxed = Tangent.builder().output(new StringWriter()).permissions(Permissions.none().allowRead(dir)).build();
    assertMessage(sandboxed, "load_csv(\"" + people + "\")", "permission denied: reading");
    assertMessage(sandboxed, "save_csv(\"" + dir.resolve("w.csv") + "\", {a: [1]})", "permission denied: writing");
  }

  private void assertMessage(String code, String expected) {
    assertMessage(t, code, expected);
  }

  private static void assertMessage(Tangent t, String code, String expected) {
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw(code));
    assertTrue(e.format().contains(expected), e.format());
  }
}
