package dev.tangent.lie;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ```tangent block of docs/lie.md runs, in order, in one interpreter (their asserts included). */
class DocsExamplesTest {
  static List<String> blocks(String markdown) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : markdown.split("\n", -1)) {
      if (cur == null && line.trim().equals("```tangent")) {
        cur = new StringBuilder();
      } else if (cur != null && line.trim().equals("```")) {
        out.add(cur.toString());
        cur = null;
      } else if (cur != null) {
        cur.append(line).append('\n');
      }
    }
    return out;
  }

  @Test
  void everyExampleRuns() throws Exception {
    String md = Files.readString(Path.of("../../docs/lie.md"));
    List<String> blocks = blocks(md);
    assertTrue(blocks.size() >= 8, "found " + blocks.size() + " blocks");
    StringWriter out = new StringWriter();
    Tangent t = Tangent.builder().output(out).permissions(Permissions.none()).importModule("lie").build();
    for (int i = 0; i < blocks.size(); i++) {
      try {
        t.evalRaw(blocks.get(i));
      } catch (TangentException e) {
        throw new AssertionError("docs/lie.md block " + (i + 1) + " failed:\n" + e.format() + "\n" + blocks.get(i));
      }
    }
    String printed = out.toString();
    // the comments in the docs show what these lines print
    assertTrue(printed.contains("SE3(t: [1, 2, 3], q: [0, 0, 0, 1])"), printed);
    assertTrue(printed.contains("SE2(x: 1, y: 2, θ: 0.5)"), printed);
    assertTrue(printed.contains("{\"group\": \"SE2\", \"matrix\": [[1, 0, 1], [0, 1, 2], [0, 0, 1]]}"), printed);
    assertTrue(printed.contains("tensor([2, 2, 3])"), printed);
    assertTrue(printed.contains("Bundle(SE2(x: 1, y: 2, θ: 0.5), R2([3, 4]))"), printed);
  }

  /** The docs say the blocks run in order in one interpreter: joined into one script, they must too. */
  @Test
  void allBlocksJoinedRunAsOneScript() throws Exception {
    String joined = String.join("\n", blocks(Files.readString(Path.of("../../docs/lie.md"))));
    Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.none()).importModule("lie").build();
    try {
      t.evalRaw(joined);
    } catch (TangentException e) {
      throw new AssertionError("docs/lie.md, all blocks as one script:\n" + e.format());
    }
  }

  /** getEngineByExtension("lie") starts with lie imported, as `tangent run x.lie` does. */
  @Test
  void engineFoundByTheLieExtensionImportsLie() throws Exception {
    javax.script.ScriptEngine e = new javax.script.ScriptEngineManager().getEngineByExtension("lie");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(1.0, 2.0), e.eval("let X = SE2(1, 2, 0.5)\n[X.x, X.y]"));
  }
}
