/**
 * lib.build(..., session: s): the build's passes as Spark jobs. The data become a distributed
 * collection of batches; each stage (moments, one layer's M′, the edges) is one tree aggregation
 * of lib's mergeable {@link dev.tangent.lib.build.StageAccumulator}; the driver solves the bases
 * between stages exactly as the one-machine build does. Only this package touches Spark (through
 * tangent-spark's extension point), and only lib.build with session: loads it, so `import lib`
 * and one-machine builds never load a Spark class. The model travels as its weights
 * ({@link dev.tangent.lib.cluster.ModelWeights}) and is rebuilt once per task.
 */
package dev.tangent.lib.cluster;
