package io.als4j.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.als4j.kernel.ScoringKernel;
import io.als4j.kernel.ScoringKernels;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopNTest {

  /** Against a full sort, on scores drawn from a few values so that ties are everywhere. */
  @Test
  void equalsABruteForceSortWithTiesExclusionsAndFilters() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int round = 0; round < 300; round++) {
      int m = 1 + random.nextInt(200);
      int n = 1 + random.nextInt(20);
      float[] scores = new float[m];
      for (int j = 0; j < m; j++) {
        scores[j] = random.nextInt(10) == 0 ? Float.NEGATIVE_INFINITY : random.nextInt(7) - 3;
      }
      int modulus = 2 + random.nextInt(4);
      ItemFilter filter = round % 2 == 0 ? null : item -> item % modulus != 0;

      List<Integer> eligible = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        if (scores[j] > Float.NEGATIVE_INFINITY && (filter == null || filter.allow(j))) {
          eligible.add(j);
        }
      }
      eligible.sort(
          Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j));
      int expectedCount = Math.min(n, eligible.size());

      int[] outItems = new int[n];
      float[] outScores = new float[n];
      ScoringKernel kernel = round % 3 == 0 ? ScoringKernels.scalar() : ScoringKernels.active();
      int count =
          TopN.select(
              kernel, scores, m, n, filter, new int[n], new float[n], outItems, outScores);
      assertEquals(expectedCount, count, "round " + round);
      int[] expected = new int[expectedCount];
      for (int i = 0; i < expectedCount; i++) {
        expected[i] = eligible.get(i);
      }
      int[] actual = java.util.Arrays.copyOf(outItems, count);
      assertArrayEquals(expected, actual, "round " + round);
      for (int i = 0; i < count; i++) {
        assertEquals(scores[actual[i]], outScores[i]);
      }
    }
  }
}
