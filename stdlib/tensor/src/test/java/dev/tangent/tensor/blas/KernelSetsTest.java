package dev.tangent.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CPU-feature table: /proc/cpuinfo entries of each processor family to OpenBLAS kernel sets. */
class KernelSetsTest {
  static CpuInfo sample(String name) {
    try (InputStream in = KernelSetsTest.class.getResourceAsStream("/cpuinfo/" + name + ".txt")) {
      return CpuInfo.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "amd-epyc-zen5, Cooperlake",          // AVX-512 with BF16: OpenBLAS 0.3.19 ran it as Barcelona
    "intel-emerald-rapids, Cooperlake",   // issue 15's machine: 0.3.19 ran it as Prescott
    "intel-skylake-sp, SkylakeX",
    "intel-knights-landing, Haswell",     // AVX-512 F but neither BW, DQ nor VL: AVX2 kernels
    "amd-epyc-zen3, Zen",
    "intel-haswell, Haswell",
    "intel-sandy-bridge, Sandybridge",
    "intel-nehalem, Nehalem",
  })
  void eachFamilyGetsTheKernelsItsInstructionsAllow(String cpu, String core) {
    KernelSets.Choice c = KernelSets.choose(sample(cpu));
    assertEquals(core, c.core(), c.reason());
    assertTrue(BlasSetup.KNOWN.contains(c.core()), "a name OpenBLAS accepts");
  }

  @Test void anArmProcessorIsLeftToOpenBlas() {
    CpuInfo arm = sample("arm64-neoverse-n1");
    assertFalse(arm.isX86());
    assertNull(KernelSets.choose(arm).core());
    assertNull(KernelSets.choose(CpuInfo.UNKNOWN).core());
  }

  @Test void parsingReadsTheFirstProcessorOnly() {
    CpuInfo z5 = sample("amd-epyc-zen5");
    assertEquals("AuthenticAMD", z5.vendor());
    assertEquals(26, z5.family());
    assertEquals(2, z5.model());
    assertTrue(z5.has("avx512f", "avx512_bf16", "avx2", "fma"));
    CpuInfo two = CpuInfo.parse("vendor_id : GenuineIntel\nflags : sse2 avx\n\nvendor_id : AuthenticAMD\nflags : avx512f\n");
    assertEquals("GenuineIntel", two.vendor());
    assertEquals(Set.of("sse2", "avx"), two.flags());
  }

  @Test void aBareX86WithoutVendorStillGetsSafeKernels() {
    CpuInfo old = CpuInfo.parse("flags : fpu sse sse2 pni\n");
    assertEquals("Prescott", KernelSets.choose(old).core());
  }
}
