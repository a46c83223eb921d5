package dev.tangent.repl;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.InteractiveConsole;
import dev.tangent.spi.Nil;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * A test-only module (`import replprobe`): a built-in with a bug in it, for the internal-error
 * path, and built-ins that use the REPL's console hook the way a progress bar will.
 */
public final class ProbeModule implements TangentModule {
  @Override public String name() { return "replprobe"; }

  @Override public String doc() { return "Test probes for the command line and the REPL."; }

  @Override public void define(ModuleBuilder m) {
    m.functions(
        Builtin.of("crash()", "Fails the way a buggy built-in would: a NullPointerException.",
            a -> {
              String missing = null;
              return missing.length();
            }),
        Builtin.of("above(text)", "Prints text above the REPL prompt; false when there is no console.",
            a -> {
              InteractiveConsole console = a.ctx().console;
              if (console == null) return false;
              console.printAbove(a.str(0));
              return true;
            }),
        Builtin.of("console_width()", "The console's width, or nil without one.",
            a -> a.ctx().console == null ? Nil.NIL : (Object) (double) a.ctx().console.width()));
  }
}
