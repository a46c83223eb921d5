package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every built-in of the core is documented in docs/ (the blocks of docs/language.md run in tangent-language-tests). */
class DocTest {
  static final Path DOC = Path.of("../../docs/language.md");

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
