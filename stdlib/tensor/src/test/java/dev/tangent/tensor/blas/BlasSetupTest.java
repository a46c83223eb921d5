package dev.tangent.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who decides the kernel set: the user's environment, then tangent.blas.kernels, then the CPU. */
class BlasSetupTest {
  static final CpuInfo ZEN5 = KernelSetsTest.sample("amd-epyc-zen5");

  @Test void theUsersEnvironmentWins() {
    BlasSetup.Decision d = BlasSetup.decide("Haswell", "SkylakeX", ZEN5, false);
    assertEquals("Haswell", d.core());
    assertTrue(d.reason().contains("environment"), d.reason());
    assertFalse(d.setByUs());
  }

  @Test void byDefaultTheCpuFeaturesDecide() {
    BlasSetup.Decision d = BlasSetup.decide(null, "auto", ZEN5, false);
    assertEquals("Cooperlake", d.core());
    assertEquals(d.core(), BlasSetup.decide("  ", null, ZEN5, false).core(), "a blank variable counts as unset");
  }

  @Test void thePropertyNamesAKernelSetOrLeavesItToOpenBlas() {
    assertEquals("Haswell", BlasSetup.decide(null, "haswell", ZEN5, false).core());
    assertNull(BlasSetup.decide(null, "openblas", ZEN5, false).core());
  }

  @Test void anUnknownNameNeverReachesOpenBlas() {
    // OpenBLAS would print "Core not found" to stderr; we choose from the features and say why.
    BlasSetup.Decision d = BlasSetup.decide(null, "haswel", ZEN5, false);
    assertEquals("Cooperlake", d.core());
    assertTrue(d.reason().contains("haswel is not a kernel set"), d.reason());
  }
}
