/**
 * How other modules put their own Java work on a cluster: a mergeable {@link
 * dev.tangent.spark.extend.Accumulation} (lib's accumulators) or per-item {@link
 * dev.tangent.spark.extend.ItemWork} (drdm's augmentation), run by
 * dev.tangent.spark.driver.Distribute with the progress, interrupt and errors of any Spark action.
 */
package dev.tangent.spark.extend;
