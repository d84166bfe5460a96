package io.als4j.tools.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.tools.Ratings;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticRatingsTest {
  /** A tenth of MovieLens 1M's users and ratings, same items: quick, and still skewed. */
  private static final SyntheticSpec SMALL =
      new SyntheticSpec(604, 3_706, 100_021, 20, 1.2, 0.9, 10, 0.5, 1, 5, 7);

  @Test
  void hasTheRequestedShapeWithoutDuplicatePairs() {
    Ratings r = SyntheticRatings.generate(SMALL).ratings();
    assertEquals(100_021, r.size());
    int[] perUser = new int[SMALL.users()];
    Set<Long> pairs = new HashSet<>();
    for (int t = 0; t < r.size(); t++) {
      perUser[r.user(t)]++;
      assertTrue(pairs.add(((long) r.user(t) << 32) | r.item(t)), "duplicate pair at " + t);
      assertTrue(r.value(t) >= 1 && r.value(t) <= 5, "rating " + r.value(t));
    }
    for (int d : perUser) {
      assertTrue(d >= 20 && d <= 3_706 / 2, "user degree " + d);
    }
  }

  @Test
  void degreesArePowerLawSkewed() {
    Ratings r = SyntheticRatings.generate(SMALL).ratings();
    int[] perUser = new int[SMALL.users()];
    int[] perItem = new int[SMALL.items()];
    for (int t = 0; t < r.size(); t++) {
      perUser[r.user(t)]++;
      perItem[r.item(t)]++;
    }
    Arrays.sort(perUser);
    Arrays.sort(perItem);
    int medianUser = perUser[perUser.length / 2];
    assertTrue(perUser[perUser.length - 1] > 8 * medianUser, "heaviest user vs median");
    // The 10 % most popular items hold well over 10 % of the ratings.
    long top = 0;
    for (int j = perItem.length - perItem.length / 10; j < perItem.length; j++) {
      top += perItem[j];
    }
    assertTrue(top > 0.3 * r.size(), "top decile of items holds " + top + " of " + r.size());
  }

  @Test
  void noiseAroundThePlantedModelHasTheRequestedSize() {
    SyntheticDataset d = SyntheticRatings.generate(SMALL);
    double sse = 0;
    double mean = 0;
    for (int t = 0; t < d.ratings().size(); t++) {
      double e = d.ratings().value(t) - d.planted(t);
      sse += e * e;
      mean += d.planted(t);
    }
    double rmse = Math.sqrt(sse / d.ratings().size());
    mean /= d.ratings().size();
    // Clamping to [1, 5] only shrinks errors, so slightly under σ = 0.5 (float rounding is 1e-7).
    assertTrue(rmse > 0.45 && rmse <= 0.5 + 1e-3, "noise RMSE " + rmse);
    assertTrue(Math.abs(mean - 3) < 0.3, "planted ratings centre on mid-scale: " + mean);
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    Ratings a = SyntheticRatings.generate(SMALL).ratings();
    Ratings b = SyntheticRatings.generate(SMALL).ratings();
    SyntheticSpec other =
        new SyntheticSpec(604, 3_706, 100_021, 20, 1.2, 0.9, 10, 0.5, 1, 5, 8);
    Ratings c = SyntheticRatings.generate(other).ratings();
    assertArrayEquals(values(a), values(b));
    assertTrue(!Arrays.equals(values(a), values(c)));
  }

  @Test
  void usersDoNotShareARandomStream() {
    // Consecutive users' first draws must be unrelated, not the same sequence shifted.
    java.util.SplittableRandom a = new java.util.SplittableRandom(SyntheticRatings.streamSeed(5, 0));
    java.util.SplittableRandom b = new java.util.SplittableRandom(SyntheticRatings.streamSeed(5, 1));
    long[] first = {a.nextLong(), a.nextLong(), a.nextLong()};
    long[] second = {b.nextLong(), b.nextLong(), b.nextLong()};
    for (long x : first) {
      for (long y : second) {
        assertTrue(x != y, "user 1's stream repeats user 0's");
      }
    }
  }

  @Test
  void theThreadCountDoesNotChangeTheData() {
    java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
    java.util.concurrent.ForkJoinPool two = new java.util.concurrent.ForkJoinPool(2);
    try {
      Ratings a = SyntheticRatings.generate(SMALL, one).ratings();
      Ratings b = SyntheticRatings.generate(SMALL, two).ratings();
      assertArrayEquals(values(a), values(b));
    } finally {
      one.shutdown();
      two.shutdown();
    }
  }

  /** Frequencies of 2 million draws within 5 standard deviations of their expectation. */
  @Test
  void aliasTableDrawsInProportionToTheWeights() {
    double[] weights = {1, 2, 3, 0.5, 10, 0.01, 4};
    AliasTable table = new AliasTable(weights);
    int draws = 2_000_000;
    int[] counts = new int[weights.length];
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int d = 0; d < draws; d++) {
      counts[table.draw(random)]++;
    }
    double total = java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      double p = weights[i] / total;
      double sd = Math.sqrt(draws * p * (1 - p));
      assertTrue(Math.abs(counts[i] - draws * p) < 5 * sd, "index " + i + ": " + counts[i]);
    }
  }

  @Test
  void impossibleShapesAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SyntheticSpec(10, 10, 500, 20, 1.2, 0.9, 3, 0.5, 1, 5, 1));
    assertTrue(e.getMessage().startsWith("minPerUser: 20 (expected: 0..items)"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> new SyntheticSpec(10, 100, 1000, 20, 1.2, 0.9, 3, 0.5, 1, 5, 1));
    assertEquals(
        "ratings: 1000 (expected: 200..500 for these users, items and minPerUser)", e.getMessage());
  }

  private static float[] values(Ratings r) {
    float[] v = new float[r.size()];
    for (int t = 0; t < v.length; t++) {
      v[t] = r.value(t) + r.user(t) * 10 + r.item(t) * 1e5f;
    }
    return v;
  }
}
