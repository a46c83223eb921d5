package dev.tangent.spark;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/** import spark: Tangent on Apache Spark. Defining the module loads no Spark class. */
public final class SparkModule implements TangentModule {
  @Override public String name() { return "spark"; }

  @Override public String doc() {
    return "Scale-out on Apache Spark: spark.session() starts an embedded local Spark (or connects to a "
        + "cluster: master: \"spark://host:7077\"); s.range, s.parallelize and s.files make distributed "
        + "collections whose map, filter, flat_map, map_partitions, reduce, aggregate and tree_aggregate run "
        + "Tangent functions on the executors.";
  }

  @Override public void define(ModuleBuilder m) {
    SparkExports.define(m);
  }
}
