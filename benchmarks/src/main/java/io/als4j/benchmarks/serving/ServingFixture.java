package io.als4j.benchmarks.serving;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.model.AlsModel;
import io.als4j.model.FactorMatrix;
import io.als4j.serve.Recommender;
import io.als4j.train.AlsConfig;
import io.als4j.train.FactorPrecision;
import java.util.SplittableRandom;

/**
 * A serving model of the MovieLens-20M size (138,493 users, 26,744 items, K = 64) with random
 * factors, and about 100 rated items per user for "exclude rated". Latency does not depend on what
 * the factors mean, so no training is needed; fold-in requests use 100 distinct items.
 */
final class ServingFixture {
  static final int USERS = 138_493;
  static final int ITEMS = 26_744;
  static final int RANK = 64;
  static final int RATED_PER_USER = 100;
  static final int FOLD_IN_RATINGS = 100;
  static final int REQUESTS = 4096;

  final Recommender recommender;
  final int[] users = new int[REQUESTS];
  final int[] items = new int[REQUESTS];
  final int[][] foldInItems = new int[REQUESTS / 16][];
  final float[][] foldInRatings = new float[REQUESTS / 16][];

  /** A model as training leaves it by default: float factors. */
  ServingFixture(long seed) {
    this(seed, FactorPrecision.FLOAT);
  }

  /**
   * @param precision FLOAT: factors rounded to float, as training stores them by default (fold-in
   *     then gathers a float copy); DOUBLE: full doubles
   */
  ServingFixture(long seed, FactorPrecision precision) {
    SplittableRandom random = new SplittableRandom(seed);
    FactorMatrix w = gaussian(USERS, random, precision);
    FactorMatrix u = gaussian(ITEMS, random, precision);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(RANK).factorPrecision(precision).build();
    try (RatingMatrixBuilder builder = new RatingMatrixBuilder(USERS, ITEMS)) {
      int[] picked = new int[RATED_PER_USER];
      for (int user = 0; user < USERS; user++) {
        distinctItems(random, picked);
        for (int item : picked) {
          builder.add(user, item, 1 + random.nextInt(5));
        }
      }
      try (RatingMatrix rated = builder.build()) {
        recommender = Recommender.of(new AlsModel(w, u), config, rated);
      }
    }
    for (int r = 0; r < REQUESTS; r++) {
      users[r] = random.nextInt(USERS);
      items[r] = random.nextInt(ITEMS);
    }
    for (int r = 0; r < foldInItems.length; r++) {
      foldInItems[r] = new int[FOLD_IN_RATINGS];
      distinctItems(random, foldInItems[r]);
      java.util.Arrays.sort(foldInItems[r]);
      foldInRatings[r] = new float[FOLD_IN_RATINGS];
      for (int t = 0; t < FOLD_IN_RATINGS; t++) {
        foldInRatings[r][t] = 1 + random.nextInt(5);
      }
    }
  }

  private static FactorMatrix gaussian(int rows, SplittableRandom random, FactorPrecision precision) {
    FactorMatrix m = new FactorMatrix(rows, RANK);
    double[] data = m.data();
    double scale = 1 / Math.sqrt(RANK);
    for (int e = 0; e < data.length; e++) {
      double x = random.nextGaussian() * scale;
      data[e] = precision == FactorPrecision.FLOAT ? (float) x : x;
    }
    return m;
  }

  private static void distinctItems(SplittableRandom random, int[] out) {
    for (int t = 0; t < out.length; t++) {
      int item;
      boolean repeated;
      do {
        item = random.nextInt(ITEMS);
        repeated = false;
        for (int s = 0; s < t && !repeated; s++) {
          repeated = out[s] == item;
        }
      } while (repeated);
      out[t] = item;
    }
  }
}
