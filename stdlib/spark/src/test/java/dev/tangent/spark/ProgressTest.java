package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A Spark action shows progress over its job's tasks (Spark's status tracker), ending at all of them. */
class ProgressTest {
  @Test void progressCountsTheJobsTasks() {
    List<String> lines;
    synchronized (SparkTesting.class) {
      SparkTesting.PROGRESS.clear();
      assertEquals("6", SparkTesting.run("print(s.range(6, partitions: 6).map(x => { sleep(0.3); x }).count())"));
      lines = List.copyOf(SparkTesting.PROGRESS);
    }
    assertTrue(lines.stream().allMatch(l -> l.startsWith("spark count: ")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches("spark count: [1-5]/6 .*")), "a line while it ran: " + lines);
    assertTrue(lines.get(lines.size() - 1).startsWith("spark count: 6/6 (100%)"), lines.toString());
  }
}
