package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tangent.parse.Parsing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bugs outside this module found while building the REPL, reported rather than fixed here. Each
 * test fails until its bug is fixed; they run with {@code -Dtangent.knownBugs=true} so that the
 * build stays green meanwhile. Move a test into the normal suites once it passes.
 */
@EnabledIfSystemProperty(named = "tangent.knownBugs", matches = "true")
class KnownInterpreterBugsTest {
  /**
   * grammar/Tangent.g4: UNTERMINATED_STRING's first alternative ('"""' .*? EOF) wins over STRING
   * for every triple-quoted string, so `"""abc"""` is an "unterminated string" error and the
   * REPL can never finish a multi-line string.
   */
  @Test void tripleQuotedStringsAreStrings() {
    assertFalse(Parsing.isIncomplete("\"\"\"abc\"\"\""));
    assertEquals(new CliTest.Result(0, "\"two\\nlines\"\n", ""), CliTest.tangent("-e", "\"\"\"two\nlines\"\"\""));
  }
}
