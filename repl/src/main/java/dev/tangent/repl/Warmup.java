package dev.tangent.repl;

import dev.tangent.parse.Parsing;
import dev.tangent.spi.Modules;

/**
 * Start-up work done on other threads while the main thread does its own: initialising the ANTLR
 * lexer and parser (every entry and script needs them) and defining the prelude (the core
 * built-ins). Other modules stay undefined until a script imports them. {@code -Dtangent.warmup=off}
 * turns it off, to measure what it saves (bench/startup.sh).
 */
final class Warmup {
  private Warmup() {}

  /** The lexer and parser, while the main thread defines the prelude (run, -e) or sets up the terminal. */
  static void parser() {
    start("tangent-warmup-parser", () -> Parsing.isIncomplete("f(1) +"));
  }

  /** The prelude, while the main thread sets up the terminal (the REPL). */
  static void prelude() {
    start("tangent-warmup-prelude", () -> Modules.get().prelude());
  }

  private static void start(String name, Runnable work) {
    if ("off".equals(System.getProperty("tangent.warmup"))) return;
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        // The real work reports any problem, with its context; warming up is only a head start.
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}
