package dev.tangent.tensor.blas;

/**
 * The OpenBLAS kernel set for a processor, from the features it reports rather than from its
 * family and model, so that a processor newer than the library still gets the kernels its
 * instructions allow. Every name is one OpenBLAS 0.3.31's OPENBLAS_CORETYPE accepts (its bytedeco
 * build has no "SapphireRapids"; Cooperlake's kernels are the same for float and double).
 *
 * <table>
 *   <caption>features to kernel set</caption>
 *   <tr><th>features</th><th>kernel set</th></tr>
 *   <tr><td>AVX-512 F, CD, BW, DQ, VL and BF16 (Cooper Lake, Sapphire/Emerald Rapids, Zen 4, Zen 5)</td><td>Cooperlake</td></tr>
 *   <tr><td>AVX-512 F, CD, BW, DQ, VL (Skylake-SP, Cascade Lake, Ice Lake)</td><td>SkylakeX</td></tr>
 *   <tr><td>AVX2 and FMA, AMD or Hygon (Zen 1-3)</td><td>Zen</td></tr>
 *   <tr><td>AVX2 and FMA, others (Haswell to Alder Lake)</td><td>Haswell</td></tr>
 *   <tr><td>AVX</td><td>Sandybridge</td></tr>
 *   <tr><td>SSE4.2</td><td>Nehalem</td></tr>
 *   <tr><td>SSSE3</td><td>Core2</td></tr>
 *   <tr><td>other x86-64</td><td>Prescott</td></tr>
 *   <tr><td>not x86 or unknown</td><td>none: OpenBLAS decides</td></tr>
 * </table>
 */
public final class KernelSets {
  private KernelSets() {}

  /** A kernel set (null: leave it to OpenBLAS) and why, in words for tensor_info(). */
  public record Choice(String core, String reason) {}

  public static Choice choose(CpuInfo cpu) {
    if (!cpu.isX86()) return new Choice(null, "no x86 features known (OpenBLAS's own detection)");
    if (cpu.has("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")) {
      return cpu.has("avx512_bf16")
          ? new Choice("Cooperlake", "the CPU has AVX-512 (F, CD, BW, DQ, VL) and BF16")
          : new Choice("SkylakeX", "the CPU has AVX-512 (F, CD, BW, DQ, VL)");
    }
    if (cpu.has("avx2", "fma")) {
      return cpu.isAmd()
          ? new Choice("Zen", "the CPU has AVX2 and FMA (AMD)")
          : new Choice("Haswell", "the CPU has AVX2 and FMA");
    }
    if (cpu.has("avx")) return new Choice("Sandybridge", "the CPU has AVX");
    if (cpu.has("sse4_2")) return new Choice("Nehalem", "the CPU has SSE4.2");
    if (cpu.has("ssse3")) return new Choice("Core2", "the CPU has SSSE3");
    return new Choice("Prescott", "the CPU has SSE3 at most");
  }
}
