package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.model.AlsModel;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ratings made of a known mean, per-user and per-item offsets, a small rank-3 part and noise σ =
 * 0.3. A model with biases must find the offsets (correlation above 0.9 with the true ones: the
 * offsets carry most of the variance, and only a little can hide in the factors) and come within
 * 15 % of the noise on held-out ratings; without biases, the same rank does measurably worse.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BiasRecoveryTest {
  private static final int USERS = 300;
  private static final int ITEMS = 200;
  private static final double NOISE = 0.3;

  @Test
  void biasesAreRecoveredAndHelp() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    double mean = 3.5;
    double[] b = gaussian(USERS, 0.5, random);
    double[] c = gaussian(ITEMS, 0.5, random);
    double[][] w = new double[USERS][];
    double[][] u = new double[ITEMS][];
    for (int i = 0; i < USERS; i++) {
      w[i] = gaussian(3, 0.4, random);
    }
    for (int j = 0; j < ITEMS; j++) {
      u[j] = gaussian(3, 0.4, random);
    }
    List<int[]> test = new ArrayList<>();
    List<Float> testRatings = new ArrayList<>();
    try (RatingMatrixBuilder train = new RatingMatrixBuilder(USERS, ITEMS)) {
      for (int i = 0; i < USERS; i++) {
        for (int j = 0; j < ITEMS; j++) {
          if (random.nextDouble() < 0.4) {
            double r = mean + b[i] + c[j] + w[i][0] * u[j][0] + w[i][1] * u[j][1]
                + w[i][2] * u[j][2] + NOISE * random.nextGaussian();
            if (random.nextDouble() < 0.1) {
              test.add(new int[] {i, j});
              testRatings.add((float) r);
            } else {
              train.add(i, j, (float) r);
            }
          }
        }
      }
      try (RatingMatrix m = train.build()) {
        AlsConfig config = AlsConfig.builder().biases(false).rank(3).lambda(0.02).iterations(15).threads(2)
            .biases(true).build();
        AlsModel biased;
        AlsModel plain;
        try (AlsTrainer trainer = new AlsTrainer(config)) {
          biased = trainer.train(m);
        }
        try (AlsTrainer trainer = new AlsTrainer(config.toBuilder().biases(false).build())) {
          plain = trainer.train(m);
        }
        double[] learnedB = new double[USERS];
        double[] learnedC = new double[ITEMS];
        for (int i = 0; i < USERS; i++) {
          learnedB[i] = biased.userBias(i);
        }
        for (int j = 0; j < ITEMS; j++) {
          learnedC[j] = biased.itemBias(j);
        }
        assertTrue(correlation(b, learnedB) > 0.9, "user offsets r=" + correlation(b, learnedB));
        assertTrue(correlation(c, learnedC) > 0.9, "item offsets r=" + correlation(c, learnedC));
        assertEquals(mean, biased.mean(), 0.1);
        double withBiases = rmse(biased, test, testRatings);
        double without = rmse(plain, test, testRatings);
        assertTrue(withBiases < NOISE * 1.15, "held-out RMSE with biases " + withBiases);
        assertTrue(withBiases < without, "biases " + withBiases + " vs none " + without);
      }
    }
  }

  private static double rmse(AlsModel model, List<int[]> pairs, List<Float> ratings) {
    double sse = 0;
    for (int t = 0; t < pairs.size(); t++) {
      double e = ratings.get(t) - model.predict(pairs.get(t)[0], pairs.get(t)[1]);
      sse += e * e;
    }
    return Math.sqrt(sse / pairs.size());
  }

  private static double[] gaussian(int n, double sd, SplittableRandom random) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = sd * random.nextGaussian();
    }
    return v;
  }

  private static double correlation(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
