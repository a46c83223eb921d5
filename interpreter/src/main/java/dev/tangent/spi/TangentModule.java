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

  /**
   * File extensions (without the dot) of the scripts this module runs: `tangent run x.EXT`, `tangent
   * check`, the REPL's :load and JSR-223 start such a script with this module imported. The `lie`
   * module declares "lie", `drdm` declares "drdm". Construction must stay cheap: this is read
   * without defining the module.
   */
  default java.util.List<String> extensions() { return java.util.List.of(); }

  /** Declares the module's exports and the methods of its value types. */
  void define(ModuleBuilder module);
}
