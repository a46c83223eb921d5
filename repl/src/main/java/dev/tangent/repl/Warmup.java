package dev.tangent.repl;

import dev.tangent.parse.Parsing;

/**
 * For `run` and `-e`: the ANTLR lexer and parser are initialised on another thread while the main
 * thread defines the prelude (the core built-ins); the REPL makes its interpreter in the
 * background instead ({@link ReplSession#start}). {@code -Dtangent.warmup=off} turns it off (to
 * measure what it saves).
 */
final class Warmup {
  private Warmup() {}

  static void parser() {
    if ("off".equals(System.getProperty("tangent.warmup"))) return;
    Thread t = new Thread(() -> {
      try {
        Parsing.isIncomplete("f(1) +");
      } catch (RuntimeException e) {
        // The real work reports any problem, with its context; warming up is only a head start.
      }
    }, "tangent-warmup");
    t.setDaemon(true);
    t.start();
  }
}
