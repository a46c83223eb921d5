package dev.tangent.lib.basis;

import dev.tangent.lib.linalg.Mat;

/**
 * What the per-layer solver needs from the data: the mean activation and the second moment
 * (centred with the bias coordinate split off when {@code centred}, raw otherwise), over count
 * activation vectors (samples times positions).
 */
public record LayerMoments(double[] mean, Mat gram, boolean centred, boolean hasConst, double count) {}
