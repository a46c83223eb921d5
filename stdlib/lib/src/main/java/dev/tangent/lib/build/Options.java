package dev.tangent.lib.build;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;

/**
 * The settings of one build (lib.build's keywords; rib's RibBuildConfig). center defaults to
 * true for LIB and PCA and must be false for the neuron basis.
 */
public record Options(BasisKind kind, boolean center, Integration integration, double threshold, boolean rotateFinal,
    int batch, int threads, boolean edges, boolean lastPos) {

  public Options {
    if (!(threshold >= 0) || Double.isInfinite(threshold)) throw TangentError.runtime("threshold must be a finite number >= 0, got " + threshold);
    if (batch < 1) throw TangentError.runtime("batch must be at least 1, got " + batch);
    if (threads < 1 || threads > 256) throw TangentError.runtime("threads must be between 1 and 256, got " + threads);
    if (kind == BasisKind.NEURON && center) throw TangentError.runtime("basis \"neuron\" is the identity and takes center: false");
  }

  public static Options defaults(BasisKind kind) {
    return new Options(kind, kind != BasisKind.NEURON, Integration.of("gradient", 0), 1e-15, false, 1000, 1, true, false);
  }

  public Options withKind(BasisKind k) {
    return new Options(k, k == BasisKind.NEURON ? false : center, integration, threshold, rotateFinal, batch, threads, edges, lastPos);
  }

  public Options withCenter(boolean c) {
    return new Options(kind, c, integration, threshold, rotateFinal, batch, threads, edges, lastPos);
  }

  public Options withBatch(int b) {
    return new Options(kind, center, integration, threshold, rotateFinal, b, threads, edges, lastPos);
  }

  public Options withThreads(int t) {
    return new Options(kind, center, integration, threshold, rotateFinal, batch, t, edges, lastPos);
  }

  public Options withIntegration(Integration i) {
    return new Options(kind, center, i, threshold, rotateFinal, batch, threads, edges, lastPos);
  }

  public Options withRotateFinal(boolean r) {
    return new Options(kind, center, integration, threshold, r, batch, threads, edges, lastPos);
  }

  public Options withEdges(boolean e) {
    return new Options(kind, center, integration, threshold, rotateFinal, batch, threads, e, lastPos);
  }

  public Options withLastPos(boolean l) {
    return new Options(kind, center, integration, threshold, rotateFinal, batch, threads, edges, l);
  }

  public Options withThreshold(double t) {
    return new Options(kind, center, integration, t, rotateFinal, batch, threads, edges, lastPos);
  }
}
