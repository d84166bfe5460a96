package io.als4j.train;

import io.als4j.model.FactorMatrix;
import java.util.SplittableRandom;

/**
 * Seeded random starting factors: every row a Gaussian vector scaled to unit length (as Spark's ALS
 * does), so the first solves see well-conditioned Gram matrices. Filled sequentially on one
 * thread, so the start, and with it the whole run, depends only on the seed.
 */
final class FactorInitializer {
  private FactorInitializer() {}

  static FactorMatrix unitGaussianRows(int rows, int rank, SplittableRandom random) {
    FactorMatrix m = new FactorMatrix(rows, rank);
    double[] data = m.data();
    for (int r = 0; r < rows; r++) {
      final int at = r * rank;
      double norm2 = 0;
      for (int c = 0; c < rank; c++) {
        double g = random.nextGaussian();
        data[at + c] = g;
        norm2 += g * g;
      }
      // A zero draw is practically impossible, but it must not become a NaN row.
      final double scale = norm2 > 0 ? 1.0 / Math.sqrt(norm2) : 0.0;
      for (int c = 0; c < rank; c++) {
        data[at + c] *= scale;
      }
    }
    return m;
  }
}
