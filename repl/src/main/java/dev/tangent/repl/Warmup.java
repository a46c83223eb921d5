package dev.tangent.repl;

import dev.tangent.parse.Parsing;
import dev.tangent.spi.Modules;

/**
 * Start-up work done in parallel with command-line parsing and terminal set-up: defining the
 * prelude (core built-ins) and initialising the ANTLR lexer and parser, which every path but
 * --help and --version needs next. Other modules stay undefined until a script imports them.
 */
final class Warmup {
  private Warmup() {}

  static void start() {
    Thread t = new Thread(Warmup::run, "tangent-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      Modules.get().prelude();
      Parsing.isIncomplete("f(1) +");
    } catch (RuntimeException e) {
      // The real work reports any problem, with its context; warming up is only a head start.
    }
  }
}
