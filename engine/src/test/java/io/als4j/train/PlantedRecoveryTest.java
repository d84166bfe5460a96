package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.model.AlsModel;
import io.als4j.testing.TestSeeds;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ratings that are exactly a rank-K product, partly observed: ALS must find a perfect fit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlantedRecoveryTest {

  @Test
  void noiselessLowRankDataIsRecoveredWithTinyLambda() {
    int users = 90;
    int items = 70;
    int rank = 4;
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    double[][] w = gaussian(users, rank, random);
    double[][] u = gaussian(items, rank, random);
    try (RatingMatrixBuilder builder = new RatingMatrixBuilder(users, items)) {
      for (int i = 0; i < users; i++) {
        for (int j = 0; j < items; j++) {
          if (random.nextDouble() < 0.6) {
            double r = 0;
            for (int c = 0; c < rank; c++) {
              r += w[i][c] * u[j][c];
            }
            builder.add(i, j, (float) r);
          }
        }
      }
      AlsConfig config =
          AlsConfig.builder().biases(false).rank(rank).lambda(1e-9).lambdaMode(LambdaMode.WEIGHTED)
              .iterations(60).threads(2).build();
      try (RatingMatrix m = builder.build();
          AlsTrainer trainer = new AlsTrainer(config)) {
        double[] last = new double[1];
        AlsModel model = trainer.train(m, stats -> last[0] = stats.loss().rmse());
        assertTrue(last[0] < 1e-3, "training RMSE " + last[0] + " (seed " + TestSeeds.base() + ")");
        // The fit is a factorization, not only small residuals: predictions of the observed
        // entries match the planted product.
        double r00 = 0;
        for (int c = 0; c < rank; c++) {
          r00 += w[0][c] * u[0][c];
        }
        assertTrue(Math.abs(model.predict(0, 0) - r00) < 1e-2, "prediction of (0,0)");
      }
    }
  }

  private static double[][] gaussian(int rows, int rank, SplittableRandom random) {
    double[][] m = new double[rows][rank];
    for (double[] row : m) {
      for (int c = 0; c < rank; c++) {
        row[c] = random.nextGaussian();
      }
    }
    return m;
  }
}
