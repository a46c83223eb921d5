package dev.tangent.drdm;

import dev.tangent.spi.ModuleBuilder;

/** Exports of the drdm module (declarations only: no heavy class is loaded here). */
final class NetworkExports {
  private NetworkExports() {}

  static void define(ModuleBuilder m) {}
}
