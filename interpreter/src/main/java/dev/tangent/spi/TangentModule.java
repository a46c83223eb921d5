package dev.tangent.spi;

/**
 * A library of built-ins, found with ServiceLoader (META-INF/services/dev.tangent.spi.TangentModule).
 * Construction must be cheap: {@link #define} runs only when the module is first imported (or at
 * start-up for the prelude), and heavy back-ends (ND4J, DJL) must load only when a built-in runs.
 */
public interface TangentModule {
  /** The name used by `import NAME`. */
  String name();

  /** One paragraph for help(module) and the REPL's :help. */
  String doc();

  /** True only for the core library, whose exports are in scope without an import. */
  default boolean prelude() { return false; }

  /** Declares the module's exports and the methods of its value types. */
  void define(ModuleBuilder module);
}
