package dev.tangent.spark;

import dev.tangent.spark.value.Distributed;
import dev.tangent.spark.value.Session;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeValue;

/**
 * The exports of spark: declarations only. Every built-in is a lambda whose body calls into
 * driver.Collections, so no Spark class loads until a session starts (LazyLoadingTest).
 */
final class SparkExports {
  private SparkExports() {}

  static final TypeValue SESSION = new TypeValue("Session", v -> v instanceof Session,
      "A Spark session (an application on a master): spark.session(master: \"local[*]\").");
  static final TypeValue DISTRIBUTED = new TypeValue("Distributed", v -> v instanceof Distributed,
      "A distributed collection of Tangent values (a Spark RDD): s.range(n), s.parallelize(xs), s.files(glob).");

  static void define(ModuleBuilder m) {
    m.value("Session", SESSION, SESSION.doc());
    m.value("Distributed", DISTRIBUTED, DISTRIBUTED.doc());
    m.function(Builtin.of("session(master='local[*]', app='tangent', conf={})",
        "Starts Spark in this JVM (master \"local[*]\": one executor thread per core, \"local[2]\": two) or "
            + "connects to a cluster (\"spark://host:7077\", or any master URL Spark accepts, with conf for YARN or "
            + "Kubernetes). conf: Spark settings, e.g. {\"spark.executor.memory\": \"4g\"}. One session per "
            + "interpreter: asking again returns the running one; it stops when the program exits.",
        a -> dev.tangent.spark.driver.Collections.session(a)));

    TypeInfo s = m.type(Session.class, SESSION);
    s.method(Builtin.of("range(self, start, end=nil, step=1, *, partitions=nil)",
        "The numbers start, start+step, ... before end, as a distributed collection (range(n): 0 to n-1). "
            + "partitions: how many (default: the session's parallelism).",
        a -> dev.tangent.spark.driver.Collections.range(a)))
        .method(Builtin.of("parallelize(self, data, partitions=nil)",
            "A distributed collection of the items of a list (or the rows of a tensor, or any iterable), "
                + "sent to the executors.",
            a -> dev.tangent.spark.driver.Collections.parallelize(a)))
        .method(Builtin.of("files(self, pattern, partitions=nil)",
            "The paths of the files matching a glob (\"data/*.npy\", \"scans/**/*.nii.gz\"), sorted, as a "
                + "distributed collection: read them on the executors with io (map(p => load_npy(p))). On a "
                + "cluster the files must be where every executor sees them (a shared file system).",
            a -> dev.tangent.spark.driver.Collections.files(a)))
        .method(Builtin.of("stop(self)", "Stops the session (and its executors, in local mode).",
            a -> dev.tangent.spark.driver.Collections.stop(a)))
        .property(Builtin.of("master(self)", "The master URL.",
            a -> dev.tangent.spark.driver.Collections.sessionInfo(a, "master")))
        .property(Builtin.of("app(self)", "The application name.",
            a -> dev.tangent.spark.driver.Collections.sessionInfo(a, "app")))
        .property(Builtin.of("parallelism(self)", "Spark's default number of partitions (the cores it has).",
            a -> dev.tangent.spark.driver.Collections.sessionInfo(a, "parallelism")))
        .property(Builtin.of("stopped(self)", "True once the session has stopped.",
            a -> dev.tangent.spark.driver.Collections.sessionInfo(a, "stopped")));

    TypeInfo d = m.type(Distributed.class, DISTRIBUTED);
    d.method(Builtin.of("map(self, f)", "f(x) of every element, on the executors (lazy: an action runs it).",
        a -> dev.tangent.spark.driver.Collections.apply(a, dev.tangent.spark.exec.Tasks.Kind.MAP)))
        .method(Builtin.of("filter(self, f)", "The elements for which f(x) is true (lazy).",
            a -> dev.tangent.spark.driver.Collections.apply(a, dev.tangent.spark.exec.Tasks.Kind.FILTER)))
        .method(Builtin.of("flat_map(self, f)", "The items of the lists (or iterables) f(x) returns, in order (lazy).",
            a -> dev.tangent.spark.driver.Collections.apply(a, dev.tangent.spark.exec.Tasks.Kind.FLAT_MAP)))
        .method(Builtin.of("map_partitions(self, f)",
            "f(items) once per partition, with the partition's elements as a list; its result (a list or "
                + "iterable) makes the new partition (lazy). For work with a set-up cost per partition.",
            a -> dev.tangent.spark.driver.Collections.apply(a, dev.tangent.spark.exec.Tasks.Kind.PARTITIONS)))
        .method(Builtin.of("reduce(self, f)", "Combines all elements with f(a, b) (associative): per partition on "
                + "the executors, then the partial results here.",
            a -> dev.tangent.spark.driver.Collections.reduce(a)))
        .method(Builtin.of("aggregate(self, zero, seq, comb)",
            "Folds each partition with seq(acc, x) from a copy of zero, on the executors, then combines the "
                + "partial results with comb(acc1, acc2) here.",
            a -> dev.tangent.spark.driver.Collections.aggregate(a, false)))
        .method(Builtin.of("tree_aggregate(self, zero, seq, comb, depth=2)",
            "As aggregate, but the partial results are combined on the executors in a tree of the given depth "
                + "(for many partitions or large accumulators, which the driver then receives few of).",
            a -> dev.tangent.spark.driver.Collections.aggregate(a, true)))
        .method(Builtin.of("count(self)", "The number of elements.", a -> dev.tangent.spark.driver.Collections.count(a)))
        .method(Builtin.of("collect(self)", "All elements, as a list, in order.",
            a -> dev.tangent.spark.driver.Collections.collect(a)))
        .method(Builtin.of("take(self, n)", "The first n elements (computing only the partitions it needs).",
            a -> dev.tangent.spark.driver.Collections.take(a)))
        .method(Builtin.of("repartition(self, n)", "The same elements in n partitions (a shuffle).",
            a -> dev.tangent.spark.driver.Collections.repartition(a)))
        .method(Builtin.of("cache(self)", "Keeps the elements in the executors' memory once computed (for "
                + "collections used by several actions); returns self.",
            a -> dev.tangent.spark.driver.Collections.cache(a)))
        .method(Builtin.of("save(self, dir, format='jsonl')",
            "Writes each partition to dir/part-NNNNN (format \"jsonl\": a JSON value a line, \"text\": str(x) a "
                + "line, \"npz\": the partition's tensors in one NumPy archive), atomically; returns the count.",
            a -> dev.tangent.spark.driver.Collections.save(a)))
        .property(Builtin.of("partitions(self)", "The number of partitions.",
            a -> dev.tangent.spark.driver.Collections.partitionCount(a)));
  }
}
