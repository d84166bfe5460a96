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
      SyntheticSpec.movieLens1m(7).withSize(604, 3_706, 100_021);
  /** Continuous values without offsets: the noise is exactly what the spec says. */
  private static final SyntheticSpec CONTINUOUS =
      SMALL.withValues(new PlantedValues(10, 0.7, 3, 0, 0, 0.5, 1, 5, 0));

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
    SyntheticDataset d = SyntheticRatings.generate(CONTINUOUS);
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

  /**
   * The MovieLens presets look like MovieLens: whole stars, mean about 3.5, standard deviation
   * about 1.1 (ML-1M: 3.58 and 1.12), and offsets that explain a good part of the variance.
   */
  @Test
  void presetValuesHaveMovieLensStatistics() {
    SyntheticDataset d = SyntheticRatings.generate(SMALL);
    Ratings r = d.ratings();
    double sum = 0;
    double squares = 0;
    double noise = 0;
    for (int t = 0; t < r.size(); t++) {
      double x = r.value(t);
      assertEquals(Math.rint(x), x, 0, "whole stars");
      sum += x;
      squares += x * x;
      noise += (x - d.planted(t)) * (x - d.planted(t));
    }
    double mean = sum / r.size();
    double sd = Math.sqrt(squares / r.size() - mean * mean);
    double plantedRmse = Math.sqrt(noise / r.size());
    assertTrue(Math.abs(mean - 3.58) < 0.1, "mean " + mean);
    assertTrue(sd > 1.0 && sd < 1.25, "standard deviation " + sd);
    // σ = 0.75 plus rounding (variance 1/12), less what clamping to [1, 5] takes off.
    assertTrue(plantedRmse > 0.7 && plantedRmse < 0.85, "planted model's RMSE " + plantedRmse);
  }

  @Test
  void roundsToTheStepAndClampsToTheRange() {
    PlantedValues halfStars = new PlantedValues(2, 0.5, 3, 0.5, 0.5, 1, 0.5, 5, 0.5);
    assertEquals(0.5, halfStars.reading(-3), 0);
    assertEquals(5, halfStars.reading(5.3), 0);
    assertEquals(3.5, halfStars.reading(3.7), 0);
    assertEquals(3.0, halfStars.reading(3.2), 0);
    assertEquals(3.2, CONTINUOUS.values().reading(3.2), 0);
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    Ratings a = SyntheticRatings.generate(SMALL).ratings();
    Ratings b = SyntheticRatings.generate(SMALL).ratings();
    SyntheticSpec other = SMALL.withSeed(8);
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
            () -> SMALL.withSize(10, 10, 500));
    assertTrue(e.getMessage().startsWith("minPerUser: 20 (expected: 0..items)"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> SMALL.withSize(10, 100, 1000));
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
