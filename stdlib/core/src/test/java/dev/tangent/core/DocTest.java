package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.Modules;
import dev.tangent.testing.DocRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** docs/language.md stays true: every block runs; and every built-in of the core is documented in docs/. */
class DocTest {
  static final Path DOC = Path.of("../../docs/language.md");

  @TestFactory
  Stream<DynamicTest> languageReferenceBlocks() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() > 15, "the reference has runnable blocks");
    List<DynamicTest> tests = new ArrayList<>();
    for (DocRunner.Block b : blocks) {
      tests.add(DynamicTest.dynamicTest(b.kind() + " block at line " + b.line(), () -> assertNull(DocRunner.check(b))));
    }
    return tests.stream();
  }

  @Test
  void everyCoreExportIsDocumented() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> docs = Files.list(DOC.getParent())) {
      for (Path p : docs.filter(p -> p.toString().endsWith(".md")).toList()) all.append(Files.readString(p));
    }
    String text = all.toString();
    List<String> missing = new ArrayList<>();
    for (String name : Modules.get().module("core").exports().keySet()) {
      if (!java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + name + "(?![A-Za-z0-9_])").matcher(text).find()) missing.add(name);
    }
    assertTrue(missing.isEmpty(), "not documented in docs/*.md: " + missing);
  }
}
