package org.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module through the embedding API, checked against closed forms. */
class StatsTest {
  final Tangent t = Tangent.builder().importModule("stats").build();

  private double num(String code) {
    return ((Number) t.eval(code)).doubleValue();
  }

  @Test void densitiesAndDistributionFunctionsMatchClosedForms() {
    // N(1, 2²) at x = 2: exp(-1/8) / (2 sqrt(2 pi))
    assertEquals(Math.exp(-0.125) / (2 * Math.sqrt(2 * Math.PI)), num("normal(1, 2).pdf(2)"), 1e-15);
    assertEquals(0.5, num("normal(3, 0.5).cdf(3)"), 1e-15);
    // Gamma(shape 1, scale 2) is the exponential with mean 2: cdf(x) = 1 - exp(-x / 2)
    assertEquals(1 - Math.exp(-1.5), num("gamma(1, 2).cdf(3)"), 1e-12);
    // Beta(2, 1) has density 2x on [0, 1]
    assertEquals(1.2, num("beta(2, 1).pdf(0.6)"), 1e-12);
    assertEquals(1.959963984540054, num("normal().quantile(0.975)"), 1e-9);
    assertEquals(6.0, num("gamma(3, 2).mean"), 0);
    assertEquals(12.0, num("gamma(3, 2).variance"), 0);
  }

  @Test void tensorsAreMappedElementwise() {
    @SuppressWarnings("unchecked")
    List<Double> p = (List<Double>) t.eval("normal().cdf(tensor([-1, 0, 1])).tolist()");
    assertEquals(0.5, p.get(1), 1e-15);
    assertEquals(1.0, p.get(0) + p.get(2), 1e-15);
  }

  @Test void samplesAreSeededAndHaveTheRightMoments() {
    assertEquals(t.eval("normal(2, 3).sample(5, seed: 7).tolist()"), t.eval("normal(2, 3).sample(5, seed: 7).tolist()"));
    double mean = num("normal(2, 3).sample(200000, seed: 1).mean()");
    assertEquals(2.0, mean, 4 * 3 / Math.sqrt(200000));
  }

  @Test void badArgumentsAreLanguageErrors() {
    TangentException e = org.junit.jupiter.api.Assertions.assertThrows(TangentException.class, () -> t.eval("normal(0, -1)"));
    assertTrue(e.format().contains("normal(): argument 'sd' must be a positive number, got -1"), e.format());
    e = org.junit.jupiter.api.Assertions.assertThrows(TangentException.class, () -> t.eval("normal().quantile(2)"));
    assertTrue(e.format().contains("p must be in [0, 1]"), e.format());
  }
}
