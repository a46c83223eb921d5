package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import org.junit.jupiter.api.Test;

/** The source line under an error: whole when short, a window around the span when very long. */
class ErrorSnippetTest {
  @Test void aLongLineShowsAWindowWithTheCaretUnderTheSpan() {
    String code = "let x = " + "1 + ".repeat(500) + "zz" + " + 1".repeat(500);
    TangentException e = TestSupport.error(code);
    String[] lines = e.format().split("\n");
    String source = lines[1];
    String caret = lines[2];
    assertTrue(source.length() < 200, "a window, not the whole line: " + source.length());
    assertTrue(source.startsWith("    …") && source.endsWith("…"), source);
    int at = caret.indexOf('^');
    assertEquals("zz", source.substring(at, at + 2), "the caret is under the span");
    assertEquals("^^", caret.strip());
  }

  @Test void aShortLineIsShownWhole() {
    TangentException e = TestSupport.error("let y = 1 + zz");
    String[] lines = e.format().split("\n");
    assertEquals("    let y = 1 + zz", lines[1]);
    assertEquals("                ^^", lines[2]);
  }
}
