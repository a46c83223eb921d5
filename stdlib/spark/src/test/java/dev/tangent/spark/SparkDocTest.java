package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/spark.md stays true: its tangent blocks run (in the shared local[2] session; a block's
 * s.stop() is left out so the session lives on) and print what their comments say, and every
 * function, method and property the module declares is named there.
 */
class SparkDocTest {
  static final Path DOC = Path.of("../../docs/spark.md");

  @Test void blocksPrintWhatTheirCommentsSay() throws Exception {
    Matcher m = Pattern.compile("```tangent\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
    int blocks = 0;
    while (m.find()) {
      blocks++;
      List<String> expected = new ArrayList<>();
      StringBuilder code = new StringBuilder();
      for (String line : m.group(1).split("\n")) {
        if (line.strip().equals("s.stop()")) continue;
        Matcher c = Pattern.compile("^print\\(.*\\)\\s+#\\s*(.+)$").matcher(line);
        if (c.find()) expected.add(c.group(1).strip());
        code.append(line.replaceFirst("^import spark$", "")).append('\n');
      }
      String out = SparkTesting.run(code.toString().replace("let s = ", "let s2 = ").replaceAll("(?<![A-Za-z0-9_])s\\.", "s2."));
      assertEquals(String.join("\n", expected), out, "block " + blocks);
    }
    assertTrue(blocks > 0);
  }

  @Test void everyDeclarationIsDocumented() throws Exception {
    String doc = Files.readString(DOC);
    String exports = Files.readString(Path.of("src/main/java/dev/tangent/spark/SparkExports.java"));
    Matcher m = Pattern.compile("Builtin\\.of\\(\"([a-z_]+)\\(").matcher(exports);
    List<String> missing = new ArrayList<>();
    int n = 0;
    while (m.find()) {
      n++;
      if (!Pattern.compile("(?<![A-Za-z0-9_])" + m.group(1) + "(?![A-Za-z0-9_])").matcher(doc).find()) missing.add(m.group(1));
    }
    assertTrue(n > 15, n + " declarations found");
    assertTrue(missing.isEmpty(), "not in docs/spark.md: " + missing);
    assertFalse(doc.contains("progress_mode"), "no such built-in");
  }
}
