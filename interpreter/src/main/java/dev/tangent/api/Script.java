package dev.tangent.api;

import dev.tangent.spi.Interop;

/** A program compiled once by {@link Tangent#compile}; each run() executes it again. */
public final class Script {
  private final Tangent owner;
  private final Interpreter.Compiled compiled;

  Script(Tangent owner, Interpreter.Compiled compiled) {
    this.owner = owner;
    this.compiled = compiled;
  }

  /** Runs the script and returns its final value converted to Java. */
  public Object run() {
    return Interop.toJava(owner.interpreter().run(compiled));
  }

  /** Runs the script and returns its final value as a Tangent value. */
  public Object runRaw() {
    return owner.interpreter().run(compiled);
  }
}
