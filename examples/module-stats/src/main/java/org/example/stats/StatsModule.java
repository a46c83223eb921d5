package org.example.stats;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * `import stats`: probability distributions. An example of a third-party Tangent module
 * (docs/modules.md): ServiceLoader finds this class through
 * META-INF/services/dev.tangent.spi.TangentModule; constructing it costs nothing, and define()
 * runs on the first `import stats`.
 */
public final class StatsModule implements TangentModule {
  @Override public String name() { return "stats"; }

  @Override public String doc() {
    return "Probability distributions (normal, gamma, beta): densities, distribution functions, "
        + "quantiles and seeded samples, computed by Apache Commons Math.";
  }

  @Override public void define(ModuleBuilder m) {
    StatsExports.define(m);
  }
}
