package io.als4j.tools.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.als4j.tools.Ratings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldOutSplitTest {

  @Test
  void testAndTrainArePartitionOfTheInput() {
    int n = 1_003;
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    for (int t = 0; t < n; t++) {
      u[t] = t / 50;
      i[t] = t % 50;
      v[t] = t;
    }
    Ratings all = new Ratings(21, 50, u, i, v);
    HoldOutSplit split = HoldOutSplit.random(all, 0.1, 5);
    assertEquals(100, split.test().size());
    assertEquals(903, split.train().size());
    Set<Float> seen = new HashSet<>();
    for (int t = 0; t < split.train().size(); t++) {
      seen.add(split.train().value(t));
    }
    for (int t = 0; t < split.test().size(); t++) {
      assertEquals(split.testPositions()[t], (int) split.test().value(t));
      seen.add(split.test().value(t));
    }
    assertEquals(n, seen.size(), "every rating in exactly one part");
    assertArrayEquals(split.testPositions(), HoldOutSplit.random(all, 0.1, 5).testPositions());
  }

  @Test
  void fractionMustLeaveATrainingSet() {
    Ratings one = new Ratings(1, 1, new int[1], new int[1], new float[1]);
    assertEquals(
        "holdout fraction: 1.0 (expected: 0 <= f < 1)",
        assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.random(one, 1.0, 1))
            .getMessage());
  }
}
