package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.spark.driver.Distribute;
import dev.tangent.spark.extend.Accumulation;
import dev.tangent.spark.extend.ItemWork;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension point for other modules' Java work, as lib and drdm would use it: a mergeable
 * accumulator (a Gram matrix, as lib's) reduced in a tree over partitions equals the one-machine
 * sum; per-item work (as drdm's augmentation) writes each item's output once and a rerun skips
 * the finished ones; an error thrown by the work comes back as the script's error.
 */
class ExtensionTest {
  /** Sum of x x^T over vectors, and their count: lib's Gram accumulation in miniature. */
  record Gram(double[][] g, long n) implements Serializable {}

  static final class GramAccumulation implements Accumulation<Gram> {
    final int d;

    GramAccumulation(int d) { this.d = d; }

    @Override public Gram zero() { return new Gram(new double[d][d], 0); }

    @Override public Gram add(Gram acc, Object item) {
      List<Object> x = ((TList) item).items;
      if (x.size() != d) throw TangentError.runtime("a vector of " + x.size() + " numbers, expected " + d);
      for (int i = 0; i < d; i++) {
        double xi = (Double) x.get(i);
        for (int j = 0; j < d; j++) acc.g()[i][j] += xi * (Double) x.get(j);
      }
      return new Gram(acc.g(), acc.n() + 1);
    }

    @Override public Gram merge(Gram a, Gram b) {
      for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) a.g()[i][j] += b.g()[i][j];
      return new Gram(a.g(), a.n() + b.n());
    }
  }

  static final class WriteSquare implements ItemWork {
    final String dir;

    WriteSquare(String dir) { this.dir = dir; }

    Path out(Object item) { return Path.of(dir, "item-" + ((Double) item).intValue() + ".txt"); }

    @Override public boolean finished(Object item) { return Files.exists(out(item)); }

    @Override public void run(Object item) {
      double x = (Double) item;
      if (x < 0) throw TangentError.runtime("negative item " + x);
      try {
        Path tmp = Files.createTempFile(Path.of(dir), ".item", ".tmp");
        Files.writeString(tmp, String.valueOf(x * x));
        Files.move(tmp, out(item), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw TangentError.runtime("cannot write " + out(item) + ": " + e.getMessage());
      }
    }
  }

  @Test void aMergeableAccumulatorOverPartitionsEqualsTheSingleMachineSum() {
    int d = 5;
    SplittableRandom rnd = new SplittableRandom(7);
    List<Object> vectors = new ArrayList<>();
    double[][] expected = new double[d][d];
    for (int k = 0; k < 2000; k++) {
      TList v = new TList();
      for (int i = 0; i < d; i++) v.items.add(rnd.nextGaussian());
      vectors.add(v);
      for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) expected[i][j] += (Double) v.get(i) * (Double) v.get(j);
    }
    Gram g;
    synchronized (SparkTesting.class) {
      Tangent t = SparkTesting.tangent();
      t.set("vectors", new TList(vectors));
      t.set("gram", Builtin.of("gram(session, items)", "test",
          a -> Distribute.treeAggregate(a.ctx(), Distribute.parallelize(a.ctx(), a.get(0), ((TList) a.get(1)).items, 16),
              new GramAccumulation(d), 2)));
      g = (Gram) t.eval("gram(s, vectors)");
    }
    assertEquals(2000, g.n());
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(expected[i][j], g.g()[i][j], 1e-10 * Math.abs(expected[i][j]) + 1e-12, "entry " + i + "," + j);
      }
    }
    String e = SparkTesting.error("gram(s, [[1, 2]])");
    assertTrue(e.contains("error: a vector of 2 numbers, expected 5") && e.contains("raised in partition"), e);
  }

  @Test void perItemWorkWritesEachOutputOnceAndARerunSkipsFinishedItems(@TempDir Path dir) throws Exception {
    synchronized (SparkTesting.class) {
      Tangent t = SparkTesting.tangent();
      t.set("each", Builtin.of("each(d, dir)", "test", a -> {
        long[] r = Distribute.forEach(a.ctx(), a.get(0), new WriteSquare((String) a.get(1)));
        return TList.of((double) r[0], (double) r[1]);
      }));
      t.set("out", dir.toString());
      assertEquals("[6, 0]", SparkTesting.run("print(each(s.range(6, partitions: 3), out))"));
      Files.delete(dir.resolve("item-4.txt"));
      assertEquals("[1, 5]", SparkTesting.run("print(each(s.range(6, partitions: 3), out))"));
      assertTrue(SparkTesting.error("each(s.range(-1, 1), out)").contains("error: negative item -1"));
    }
    try (var files = Files.list(dir)) {
      assertArrayEquals(new String[] {"item-0.txt", "item-1.txt", "item-2.txt", "item-3.txt", "item-4.txt", "item-5.txt"},
          files.map(p -> p.getFileName().toString()).sorted().toArray(), "outputs only, no temporary files");
    }
    assertEquals("16.0", Files.readString(dir.resolve("item-4.txt")));
  }
}
