package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.parse.Parsing;
import org.junit.jupiter.api.Test;

/** A triple-quoted string continues over lines in the REPL and ends at its closing quotes. */
class MultiLineStringTest {
  @Test void tripleQuotedStringsAreStrings() {
    assertTrue(Parsing.isIncomplete("\"\"\"abc"));
    assertFalse(Parsing.isIncomplete("\"\"\"abc\"\"\""));
    assertEquals(new CliTest.Result(0, "\"two\\nlines\"\n", ""), CliTest.tangent("-e", "\"\"\"two\nlines\"\"\""));
  }
}
