package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every method of sessions and distributed collections, in local[2], against the same work done in plain Tangent. */
class CollectionsTest {
  @Test void rangeMapCollect() {
    assertEquals("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]", SparkTesting.run("print(s.range(10, partitions: 3).map(x => x * x).collect())"));
  }
}
