package dev.tangent.io.data;

import dev.tangent.io.array.NdArray;

/** One item of a dataset: one array per field (for dataset(x, y): x[i] and y[i]), or one batch. */
public record Element(NdArray[] parts) {}
