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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against {@link ReferenceAls} from the same start, after several iterations.
 *
 * <p>Tolerance 1e-8 relative per factor row (‖x − x_ref‖∞ ≤ 1e-8·‖x_ref‖∞): the two differ only in
 * summation order, FMA, and Cholesky versus Gaussian elimination, each backward stable; with λ
 * keeping every system well conditioned the rows agree to about 1e-13 after four iterations.
 *
 * <p>With float factors ({@link FactorPrecision#FLOAT}, the default) the reference rounds every
 * solution to float as well. Two solutions that differ in the last double bits can then round to
 * neighbouring floats (2⁻²⁴ ≈ 6e-8 apart), and such a flip travels into the next solves, so the
 * tolerance there is 1e-6 relative: still far below what a wrong λ, a missing rating or an
 * unrounded row would leave (about 1e-3 and more).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReferenceAlsTest {
  private static final double TOLERANCE = 1e-8;
  private static final double FLOAT_TOLERANCE = 1e-6;

  @ParameterizedTest(name = "rank {0}, {1}, {2}")
  @CsvSource({
    "1, WEIGHTED, DOUBLE", "1, PLAIN, DOUBLE",
    "7, WEIGHTED, DOUBLE", "7, PLAIN, DOUBLE",
    "13, WEIGHTED, DOUBLE", "13, PLAIN, DOUBLE",
    "32, WEIGHTED, DOUBLE", "32, PLAIN, DOUBLE",
    "1, WEIGHTED, FLOAT", "7, PLAIN, FLOAT", "13, WEIGHTED, FLOAT", "32, PLAIN, FLOAT"
  })
  void engineMatchesTheReference(int rank, LambdaMode mode, FactorPrecision precision) {
    // 41 × 29 at 35 % leaves some rows with fewer ratings than the rank, and (with seed luck) may
    // leave one empty: both paths are compared.
    RandomRatings data = RandomRatings.uniform(41, 29, 0.35, TestSeeds.base() + rank);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(rank).lambda(0.1).lambdaMode(mode).iterations(4).threads(2).seed(7)
            .factorPrecision(precision).build();
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
      reference.roundToFloat = precision == FactorPrecision.FLOAT;
      iterateSideBySide(run, reference, config.iterations());
      double tolerance = precision == FactorPrecision.FLOAT ? FLOAT_TOLERANCE : TOLERANCE;
      assertRowsMatch("user", run.model().userFactors(), reference.users, tolerance);
      assertRowsMatch("item", run.model().itemFactors(), reference.items, tolerance);
      if (precision == FactorPrecision.FLOAT) {
        assertFloatValued(run.model().userFactors());
        assertFloatValued(run.model().itemFactors());
      }
    }
  }

  /**
   * Rows longer than one chunk of entries ({@link RowEntries#CHUNK}) and than one Gram block: each
   * of the 3 users has about 1,300 ratings, read in two chunks and five blocks.
   */
  @Test
  void rowsReadInSeveralChunksMatchTheReference() {
    RandomRatings data = RandomRatings.uniform(3, 2_600, 0.5, TestSeeds.base() + 99);
    AlsConfig config = AlsConfig.builder().biases(false).rank(7).lambda(0.1).iterations(2)
        .threads(2).seed(7).factorPrecision(FactorPrecision.DOUBLE).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      assertTrue(m.byUser().degree(0) > RowEntries.CHUNK, "degree " + m.byUser().degree(0));
      TrainingRun run = trainer.start(m);
      ReferenceAls reference = new ReferenceAls(data, 7, config.lambda(), true,
          toRows(run.model().userFactors()), toRows(run.model().itemFactors()));
      iterateSideBySide(run, reference, config.iterations());
      assertRowsMatch("user", run.model().userFactors(), reference.users, TOLERANCE);
      assertRowsMatch("item", run.model().itemFactors(), reference.items, TOLERANCE);
    }
  }

  /** Full iterations of the engine and of the reference, in step. */
  private static void iterateSideBySide(TrainingRun run, ReferenceAls reference, int iterations) {
    for (int it = 0; it < iterations; it++) {
      run.sweepUsers();
      run.sweepItems();
      reference.iterate();
    }
  }

  private static void assertFloatValued(FactorMatrix m) {
    for (double v : m.data()) {
      assertEquals((double) (float) v, v, "a FLOAT factor that is not a float: " + v);
    }
  }

  @ParameterizedTest(name = "biases, rank {0}, {1}")
  @CsvSource({"1, WEIGHTED", "7, PLAIN", "13, WEIGHTED"})
  void engineWithBiasesMatchesTheReference(int rank, LambdaMode mode) {
    RandomRatings data = RandomRatings.uniform(41, 29, 0.35, TestSeeds.base() + 50 + rank);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(rank).lambda(0.1).lambdaMode(mode).iterations(4).threads(2).seed(7)
            .biases(true).factorPrecision(FactorPrecision.DOUBLE).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      TrainingRun run = trainer.start(m);
      ReferenceAls reference =
          new ReferenceAls(data, rank, config.lambda(), mode == LambdaMode.WEIGHTED,
              toRows(run.model().userFactors()), toRows(run.model().itemFactors()), true);
      iterateSideBySide(run, reference, config.iterations());
      assertRowsMatch("user", run.model().userFactors(), reference.users, TOLERANCE);
      assertRowsMatch("item", run.model().itemFactors(), reference.items, TOLERANCE);
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

  private static void assertRowsMatch(
      String side, FactorMatrix actual, double[][] expected, double tolerance) {
    double[] row = new double[actual.rank()];
    for (int r = 0; r < expected.length; r++) {
      actual.copyRow(r, row, 0);
      double rel = DenseLinearAlgebra.relativeDifference(row, expected[r]);
      assertTrue(
          rel <= tolerance,
          side + " " + r + ": relative difference " + rel + " (seed " + TestSeeds.base() + ")");
    }
  }
}
