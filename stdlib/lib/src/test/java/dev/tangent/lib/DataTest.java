package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.lib.data.ModAdd;
import dev.tangent.lib.data.TorchRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torch's CPU generator reproduced: the expected values were printed by PyTorch 2.13.0
 * (torch.randperm(12769, generator=torch.Generator().manual_seed(0)) and random_split(...).indices).
 */
class DataTest {
  @Test void randpermMatchesPyTorch() {
    int[] p = TorchRandom.randperm(12769, 0);
    assertArrayEquals(new int[] {4182, 2608, 269, 825, 4847, 9224, 6227, 116, 5276, 2052}, Arrays.copyOf(p, 10));
    assertArrayEquals(new int[] {6492, 2243, 158, 4614, 2289, 6270, 7906, 1486, 11693, 8926}, Arrays.copyOfRange(p, 3825, 3835));
    int[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
  }

  @Test void randomSplitWithFractionsMatchesPyTorch() {
    LibTesting n = new LibTesting();
    assertEquals(List.of(List.of(4.0, 1.0, 7.0), List.of(5.0, 3.0, 9.0, 0.0, 8.0, 6.0, 2.0)),
        n.eval("map(t => t.tolist(), lib.random_split(10, [0.3, 0.7], seed: 0))"));
    assertEquals(List.of(List.of(9.0, 5.0, 0.0, 8.0, 10.0, 2.0), List.of(3.0, 6.0, 7.0), List.of(1.0, 4.0)),
        n.eval("map(t => t.tolist(), lib.random_split(11, [0.5, 0.25, 0.25], seed: 5))"));
  }

  @Test void modAddPairsAreAMajorWithLabels() {
    long[] t = ModAdd.tokens(5);
    assertArrayEquals(new long[] {0, 0, 5, 0, 1, 5}, Arrays.copyOf(t, 6));
    assertArrayEquals(new long[] {1, 0, 5}, Arrays.copyOfRange(t, 15, 18));
    long[] y = ModAdd.labels(5);
    assertEquals(4, y[4]);
    assertEquals(0, y[9]);
  }
}
