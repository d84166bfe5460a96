package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.model.FactorMatrix;
import io.als4j.testing.DenseLinearAlgebra;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.ReferenceAls;
import io.als4j.testing.TestSeeds;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against {@link ReferenceAls} from the same start, after several iterations.
 *
 * <p>Tolerance 1e-8 relative per factor row (‖x − x_ref‖∞ ≤ 1e-8·‖x_ref‖∞): the two differ only in
 * summation order, FMA, and Cholesky versus Gaussian elimination, each backward stable; with λ
 * keeping every system well conditioned the rows agree to about 1e-13 after four iterations.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReferenceAlsTest {
  private static final double TOLERANCE = 1e-8;

  @ParameterizedTest(name = "rank {0}, {1}")
  @CsvSource({
    "1, WEIGHTED", "1, PLAIN",
    "7, WEIGHTED", "7, PLAIN",
    "13, WEIGHTED", "13, PLAIN",
    "32, WEIGHTED", "32, PLAIN"
  })
  void engineMatchesTheReference(int rank, LambdaMode mode) {
    // 41 × 29 at 35 % leaves some rows with fewer ratings than the rank, and (with seed luck) may
    // leave one empty: both paths are compared.
    RandomRatings data = RandomRatings.uniform(41, 29, 0.35, TestSeeds.base() + rank);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(rank).lambda(0.1).lambdaMode(mode).iterations(4).threads(2).seed(7)
            .build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      TrainingRun run = trainer.start(m);
      ReferenceAls reference =
          new ReferenceAls(
              data,
              rank,
              config.lambda(),
              mode == LambdaMode.WEIGHTED,
              toRows(run.model().userFactors()),
              toRows(run.model().itemFactors()));
      for (int it = 0; it < config.iterations(); it++) {
        run.sweepUsers();
        run.sweepItems();
        reference.iterate();
      }
      assertRowsMatch("user", run.model().userFactors(), reference.users);
      assertRowsMatch("item", run.model().itemFactors(), reference.items);
    }
  }

  @ParameterizedTest(name = "biases, rank {0}, {1}")
  @CsvSource({"1, WEIGHTED", "7, PLAIN", "13, WEIGHTED"})
  void engineWithBiasesMatchesTheReference(int rank, LambdaMode mode) {
    RandomRatings data = RandomRatings.uniform(41, 29, 0.35, TestSeeds.base() + 50 + rank);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(rank).lambda(0.1).lambdaMode(mode).iterations(4).threads(2).seed(7)
            .biases(true).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      TrainingRun run = trainer.start(m);
      ReferenceAls reference =
          new ReferenceAls(data, rank, config.lambda(), mode == LambdaMode.WEIGHTED,
              toRows(run.model().userFactors()), toRows(run.model().itemFactors()), true);
      for (int it = 0; it < config.iterations(); it++) {
        run.sweepUsers();
        run.sweepItems();
        reference.iterate();
      }
      assertRowsMatch("user", run.model().userFactors(), reference.users);
      assertRowsMatch("item", run.model().itemFactors(), reference.items);
      double[] userBias = new double[data.numUsers];
      double[] itemBias = new double[data.numItems];
      for (int u = 0; u < userBias.length; u++) {
        userBias[u] = run.model().userBias(u);
      }
      for (int i = 0; i < itemBias.length; i++) {
        itemBias[i] = run.model().itemBias(i);
      }
      assertTrue(DenseLinearAlgebra.relativeDifference(userBias, reference.userBias) <= TOLERANCE);
      assertTrue(DenseLinearAlgebra.relativeDifference(itemBias, reference.itemBias) <= TOLERANCE);
      assertEquals(reference.mean, run.model().mean(), 1e-12 * reference.mean);
    }
  }

  private static double[][] toRows(FactorMatrix m) {
    double[][] rows = new double[m.rows()][m.rank()];
    for (int r = 0; r < m.rows(); r++) {
      m.copyRow(r, rows[r], 0);
    }
    return rows;
  }

  private static void assertRowsMatch(String side, FactorMatrix actual, double[][] expected) {
    double[] row = new double[actual.rank()];
    for (int r = 0; r < expected.length; r++) {
      actual.copyRow(r, row, 0);
      double rel = DenseLinearAlgebra.relativeDifference(row, expected[r]);
      assertTrue(
          rel <= TOLERANCE,
          side + " " + r + ": relative difference " + rel + " (seed " + TestSeeds.base() + ")");
    }
  }
}
