package dev.tangent.lib;

import dev.tangent.spi.ModuleBuilder;

/** Exports of the lib module (declarations only: no heavy class is loaded here). */
final class LibExports {
  private LibExports() {}

  static void define(ModuleBuilder m) {}
}
