package dev.tangent.drdm.sampler;

/**
 * The deterministic "noise" of the DRDM verification case (spec section 6, case 8):
 * noise_k[b, c, i, j(, l)] = sin(0.3 i + 0.7 j (+ 0.9 l) + 1.1 c + 0.5 k + 0.13 b), with k the
 * call index. With it the sampler must reproduce the authors' code to float32 round-off.
 */
final class SineNoise implements NoiseSource {
  @Override public void fill(int sample, int call, int nd, int c, float[] out) {
    int plane = out.length / nd;
    for (int ch = 0; ch < nd; ch++) {
      for (int p = 0; p < plane; p++) {
        double arg = 0.13 * sample + 1.1 * ch + 0.5 * call;
        // Summed in the order of the Python that made the expected values.
        if (nd == 2) {
          arg += 0.3 * (p / c);
          arg += 0.7 * (p % c);
        } else {
          arg += 0.3 * (p / (c * c));
          arg += 0.7 * ((p / c) % c);
          arg += 0.9 * (p % c);
        }
        out[ch * plane + p] = (float) Math.sin(arg);
      }
    }
  }
}
