package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method of sessions and distributed collections, in local[2], each checked against the same
 * work done by plain Tangent on the driver (map, filter, reduce... of lists).
 */
class CollectionsTest {
  static String run(String code) { return SparkTesting.run(code); }

  @Test void rangeInItsForms() {
    assertEquals("[0, 1, 2, 3, 4]", run("print(s.range(5).collect())"));
    assertEquals("[2, 3, 4]", run("print(s.range(2, 5).collect())"));
    assertEquals("[10, 7, 4, 1]", run("print(s.range(10, 0, -3).collect())"));
    assertEquals("3", run("print(s.range(100, partitions: 3).partitions)"));
    assertEquals("[]", run("print(s.range(0).collect())"));
  }

  @Test void mapFilterFlatMapAgreeWithLists() {
    assertEquals("true", run("""
        let xs = list(0..50)
        let d = s.parallelize(xs, partitions: 4)
        print(d.map(x => x * x + 1).collect() == map(x => x * x + 1, xs)
          and d.filter(x => x % 3 == 0).collect() == filter(x => x % 3 == 0, xs)
          and d.flat_map(x => [x, -x]).collect() == reduce((a, b) => a + b, map(x => [x, -x], xs)))
        """));
  }

  @Test void mapPartitionsSeesEachPartitionAsAList() {
    assertEquals("[3, 3, 4] [0, 3, 6]", run("""
        let d = s.range(10, partitions: 3)
        print(d.map_partitions(xs => [len(xs)]).collect(), d.map_partitions(xs => [xs[0]]).collect())
        """));
  }

  @Test void reductions() {
    assertEquals("4950 4950 4950 4950", run("""
        let d = s.range(100, partitions: 7)
        print(d.reduce((a, b) => a + b), d.aggregate(0, (acc, x) => acc + x, (a, b) => a + b),
              d.tree_aggregate(0, (acc, x) => acc + x, (a, b) => a + b), sum(0..100))
        """));
    // A zero that the functions change in place: every partition gets its own copy.
    assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] []", run("""
        let zero = []
        let r = s.range(10, partitions: 4).aggregate(zero, (acc, x) => { acc.push(x); acc }, (a, b) => a + b)
        print(sorted(r), zero)
        """));
    assertEquals("[1, 13, 13] [1, 13, 13]", run("""
        let xs = list(1..14)
        let merge = (a, b) => [min(a[0], b[0]), max(a[1], b[1]), a[2] + b[2]]
        print(s.parallelize(xs, partitions: 5).map(x => [x, x, 1]).reduce(merge), reduce(merge, map(x => [x, x, 1], xs)))
        """));
    assertTrue(SparkTesting.error("s.range(0).reduce((a, b) => a + b)").contains("reduce() of an empty collection"));
  }

  @Test void treeAggregateMergesOnTheExecutorsInLevels() {
    // 64 partitions, depth 2: Spark merges them in a level of 8 before the driver gets 8 partial results.
    assertEquals("[2016, 64]", run("""
        let r = s.range(64, partitions: 64).tree_aggregate([0, 0], (acc, x) => [acc[0] + x, acc[1] + 1],
                                                              (a, b) => [a[0] + b[0], a[1] + b[1]], depth: 2)
        print(r)
        """));
  }

  @Test void countCollectTake() {
    assertEquals("1000 [0, 1, 2] [] 1000", run("""
        let d = s.range(1000, partitions: 8)
        print(d.count(), d.take(3), d.take(0), len(d.collect()))
        """));
  }

  @Test void takeComputesLittleMoreThanItNeeds() {
    // map runs elements in chunks that grow from one: take(3) of one partition computes elements 0-2 only.
    assertEquals("[0, 1, 2]", run("print(s.range(1000, partitions: 1).map(x => { if x > 2 { error(\"computed element ${x}\") }\n x }).take(3))"));
  }

  @Test void parallelizeListsTensorRowsAndIterables() {
    assertEquals("[3, 7] [\"a!\", \"b!\"] [0, 2, 4]", run("""
        print(s.parallelize(tensor([[1, 2], [3, 4]])).map(r => r.sum()).collect(),
              s.parallelize(["a", "b"]).map(x => x + "!").collect(),
              s.parallelize(0..3).map(x => 2 * x).collect())
        """));
  }

  @Test void repartitionKeepsTheElements() {
    assertEquals("5 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", run("""
        let d = s.range(12, partitions: 2).repartition(5)
        print(d.partitions, sorted(d.collect()))
        """));
  }

  @Test void cacheComputesOnce() {
    assertEquals("true", run("""
        let d = s.range(20, partitions: 2).map(x => x * 2).cache()
        print(d.collect() == d.collect() and d.count() == 20)
        """));
  }

  @Test void sessionProperties() {
    assertEquals("local[2] tangent-tests 2 false Session", run("print(s.master, s.app, s.parallelism, s.stopped, type(s))"));
    assertEquals("true", run("print(spark.session(master: \"local[2]\").master == s.master)"));
  }

  @Test void aMasterThatDoesNotAnswerIsAnErrorAtTheSession() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String e = SparkTesting.error("s.stop()\nspark.session(master: \"spark://127.0.0.1:" + port + "\")");
    assertTrue(e.startsWith("<eval>:2:1: error: no Spark master answers at spark://127.0.0.1:" + port), e);
    assertTrue(e.contains("hint: is a Spark master running there?"), e);
    // The stopped session, and a new one on the same master as before.
    assertEquals("true", run("print(s.stopped)"));
    SparkTesting.restart();
    assertEquals("[0, 1]", run("print(s.range(2).collect())"));
  }

  @Test void filesListsMatchesAndExecutorsReadThem(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 5; i++) Files.writeString(dir.resolve("f" + i + ".txt"), "line " + i + "\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/g.txt"), "deep\n");
    Files.writeString(dir.resolve("other.csv"), "x\n");
    String d = dir.toString();
    assertEquals("5 [\"line 0\", \"line 1\", \"line 2\", \"line 3\", \"line 4\"] 6", run(
        "let fs = s.files(\"" + d + "/f*.txt\")\n"
            + "print(fs.count(), fs.map(p => read_text(p).strip()).collect(), s.files(\"" + d + "/**.txt\").count())"));
  }

  @Test void saveWritesEveryFormatAtomically(@TempDir Path dir) throws Exception {
    String d = dir.toString();
    assertEquals("6 6 4", run(
        "let d = s.range(6, partitions: 2).map(x => {i: x, sq: x * x})\n"
            + "print(d.save(\"" + d + "/json\"), d.save(\"" + d + "/text\", format: \"text\"), "
            + "s.range(4, partitions: 2).map(x => eye(2) * x).save(\"" + d + "/npz\", format: \"npz\"))"));
    try (Stream<Path> files = Files.list(dir.resolve("json"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
      assertEquals(List.of("part-00000.jsonl", "part-00001.jsonl"), names, "no temporary files are left");
    }
    assertEquals("{\"i\": 0, \"sq\": 0}\n{\"i\": 1, \"sq\": 1}\n{\"i\": 2, \"sq\": 4}\n", Files.readString(dir.resolve("json/part-00000.jsonl")));
    assertTrue(Files.readString(dir.resolve("text/part-00001.txt")).startsWith("{i: 3"));
    assertEquals("tensor([[3, 0],\n        [0, 3]])", run("print(load_npz(\"" + d + "/npz/part-00001.npz\")[\"1\"])"));
  }
}
