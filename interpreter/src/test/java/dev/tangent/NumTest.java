package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tangent.spi.Num;
import org.junit.jupiter.api.Test;

/** The box cache: small integral values shared, everything else boxed exactly. */
class NumTest {
  @Test void smallIntegersComeFromTheCacheAndEverythingElseKeepsItsValue() {
    assertSame(Num.box(5), Num.box(5.0));
    assertSame(Num.box(-128), Num.box(-128.0));
    for (double d : new double[] {1023, 1024, -129, 0.5, 3e9, -3e9, 1e300, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertEquals(Double.valueOf(d), Num.box(d), "value " + d);
    }
    // -0.0 must not become the cached 0.0: 1/x tells them apart.
    assertEquals(Double.NEGATIVE_INFINITY, 1 / Num.box(-0.0), 0);
    assertEquals(Double.POSITIVE_INFINITY, 1 / Num.box(0.0), 0);
  }
}
