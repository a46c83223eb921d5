package dev.tangent.spi;

/** Values with a doc string for help(x) and the REPL's :doc (types, groups, modules). */
public interface Documented {
  String doc();
}
