package dev.tangent.lib;

import dev.tangent.spi.TypeValue;

/** The value types of the lib module; the predicates name their classes only when they run. */
final class LibTypes {
  private LibTypes() {}

  static final TypeValue RESULT = new TypeValue("LibResult", v -> v instanceof dev.tangent.lib.result.LibResult,
      "The Local Interaction Basis of a network: per node layer C, C⁺ and importances, the edges between "
          + "consecutive layers. From lib.build, lib.merge or lib.load; r.save(path) writes it.");

  static final TypeValue COMPARISON = new TypeValue("LibComparison", v -> v instanceof dev.tangent.lib.analysis.Comparison,
      "LIB and PCA side by side (lib.compare): .lib and .pca are the two results, .rows the table's rows, "
          + "print(c) shows the table.");
}
