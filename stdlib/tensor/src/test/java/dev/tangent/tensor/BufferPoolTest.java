package dev.tangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.DType;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Large ND4J arrays are reused only once their storage is unreachable, and never leak values. */
class BufferPoolTest {
  static final int N = 1 << 20; // 4 MB of f32: above the pool's 1 MB floor

  /**
   * Drops every reference to a new storage of n elements and returns its array once the pool
   * holds it. Each test uses lengths no other test uses, so no other dead storage (freed in
   * whatever order the cleaner runs) can be the one the next storage of that length takes.
   */
  static INDArray deadStorageArray(DType t, int n) {
    NdStorage s = (NdStorage) NdStorage.uninitialized(t, n);
    s.write(0, new float[] {7, 8, 9}, 0, 3);
    INDArray a = s.array();
    WeakReference<NdStorage> w = new WeakReference<>(s);
    s = null;
    long before = BufferPool.pooledBytes();
    for (int i = 0; i < 50 && (w.get() != null || BufferPool.pooledBytes() <= before); i++) {
      System.gc();
      sleep();
    }
    return a;
  }

  static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test void theArrayOfADeadStorageGoesToTheNextStorageOfThatSize() {
    INDArray freed = deadStorageArray(DType.F32, N + 1);
    NdStorage next = (NdStorage) NdStorage.uninitialized(DType.F32, N + 1);
    assertSame(freed, next.array(), "the freed array is reused");
    // zeros() on a recycled array is zero, not the old contents.
    INDArray freed2 = deadStorageArray(DType.F32, N + 2);
    NdStorage z = (NdStorage) NdStorage.zeros(DType.F32, N + 2);
    assertSame(freed2, z.array());
    for (int i = 0; i < 3; i++) assertEquals(0.0, z.getDouble(i));
    assertEquals(0.0, z.getDouble(N + 1));
  }

  @Test void liveStoragesNeverShareAnArrayAndOtherSizesOrDtypesDoNotTakeIt() {
    INDArray freed = deadStorageArray(DType.F32, N + 3);
    NdStorage otherSize = (NdStorage) NdStorage.uninitialized(DType.F32, N + 4);
    NdStorage otherType = (NdStorage) NdStorage.uninitialized(DType.F64, N + 3);
    assertNotSame(freed, otherSize.array());
    assertNotSame(freed, otherType.array());
    List<NdStorage> live = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      NdStorage s = (NdStorage) NdStorage.uninitialized(DType.F32, N);
      s.setDouble(0, i);
      for (NdStorage o : live) assertNotSame(o.array(), s.array());
      live.add(s);
    }
    for (int i = 0; i < 4; i++) assertEquals(i, live.get(i).getDouble(0));
  }

  @Test void copiesAreIndependentAndEqual() {
    NdStorage s = (NdStorage) NdStorage.uninitialized(DType.F64, N);
    for (int i = 0; i < N; i += 4096) s.setDouble(i, i * 0.5);
    NdStorage c = (NdStorage) s.copy();
    assertNotSame(s.array(), c.array());
    for (int i = 0; i < N; i += 4096) assertEquals(i * 0.5, c.getDouble(i));
    c.setDouble(0, -1);
    assertEquals(0.0, s.getDouble(0));
  }

  @Test void aLoopOfLargeExpressionsKeepsEveryResultRight() {
    // Results die every iteration, so their arrays cycle through the pool; each must be exact.
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let x = arange(1000000, dtype: \"f32\")\nvar kept = []");
    for (int i = 0; i < 40; i++) {
      Object v = t.eval("let y = x * " + i + " + 1\nif " + i + " % 10 == 0 { kept = kept + [y] }\ny[999999]");
      assertEquals(999999.0 * i + 1, ((Number) v).doubleValue(), 4.0);
    }
    for (int k = 0; k < 4; k++) {
      Object v = t.eval("kept[" + k + "][123456]");
      assertEquals(123456.0 * (10 * k) + 1, ((Number) v).doubleValue(), 1.0, "kept result " + k);
    }
    assertTrue(BufferPool.ENABLED);
  }

  @Test void nudgedCollectionsRecycleTheResultsOfALoopThatNeverFillsTheHeap() {
    // Each iteration's 4 MB result dies at once while the Java heap hardly grows: collections find
    // them, the pool's own nudges and whatever the JVM runs, and the loop then runs on recycled
    // arrays. How many come back in time depends on how long a collection takes here (slow ones
    // make nudges rare), so the bound is one that holds even then (a run of the full suite once
    // saw 32 of 60 fresh): without recycling every result would be fresh.
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    int n = N + 7;
    assertTrue(BufferPool.pooled(org.nd4j.linalg.api.buffer.DataType.FLOAT, n), "a 4 MB f32 array goes through the pool");
    t.evalRaw("let x = arange(" + n + ", dtype: \"f32\")");
    long before = BufferPool.freshAllocations();
    int iterations = 120;
    for (int i = 0; i < iterations; i++) {
      Object v = t.eval("(x * " + i + " + 1)[" + (n - 1) + "]");
      assertEquals((n - 1.0) * i + 1, ((Number) v).doubleValue(), Math.ulp((float) ((n - 1.0) * i + 1)));
    }
    long fresh = BufferPool.freshAllocations() - before;
    assertTrue(fresh <= 3 * iterations / 4, fresh + " of " + iterations + " results took fresh arrays");
  }
}
