package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conjugate-gradient row solver against Cholesky, and the guarantees it keeps. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConjugateGradientTest {

  /**
   * With as many steps as unknowns (plus a margin for rounding), CG solves each row's system
   * exactly, so one half-sweep from the same start must give Cholesky's factors. Tolerance 1e-8
   * relative to the largest factor: the systems have condition numbers below about 1e3 (weighted λ
   * on random data) and CG's rounding grows with it.
   */
  @ParameterizedTest(name = "rank {0}, biases {1}")
  @CsvSource({"1, false", "6, false", "6, true", "13, true"})
  void enoughStepsGiveTheCholeskySolution(int rank, boolean biases) {
    long seed = TestSeeds.base() + 7;
    RandomRatings data = RandomRatings.uniform(50, 40, 0.3, seed);
    AlsConfig cholesky =
        AlsConfig.builder().rank(rank).lambda(0.1).biases(biases).seed(seed).threads(2)
            .factorPrecision(FactorPrecision.DOUBLE).build();
    AlsConfig cg = cholesky.toBuilder().solveMethod(SolveMethod.CONJUGATE_GRADIENT)
        .cgSteps(rank + 1 + 20).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer a = new AlsTrainer(cholesky);
        AlsTrainer b = new AlsTrainer(cg)) {
      TrainingRun exact = a.start(m);
      TrainingRun iterative = b.start(m);
      for (int half = 0; half < 4; half++) {
        if (half % 2 == 0) {
          exact.sweepUsers();
          iterative.sweepUsers();
        } else {
          exact.sweepItems();
          iterative.sweepItems();
        }
        assertClose(exact.model().userFactors().data(), iterative.model().userFactors().data(),
            "users after half-sweep " + (half + 1));
        assertClose(exact.model().itemFactors().data(), iterative.model().itemFactors().data(),
            "items after half-sweep " + (half + 1));
      }
    }
  }

  /** CG minimizes each row's loss over a subspace that contains the start: the loss cannot rise. */
  @ParameterizedTest(name = "{0} steps, rank {1}, {2}, biases {3}")
  @CsvSource({
    "1, 5, WEIGHTED, false", "3, 12, PLAIN, false", "3, 8, WEIGHTED, true", "2, 20, PLAIN, true"
  })
  void lossNeverIncreasesBetweenHalfSweeps(int steps, int rank, LambdaMode mode, boolean biases) {
    long seed = TestSeeds.base() + 300 + steps + rank;
    RandomRatings data = RandomRatings.uniform(60, 45, 0.25, seed);
    AlsConfig config = AlsConfig.builder().rank(rank).lambda(0.05).lambdaMode(mode).seed(seed)
        .threads(2).biases(biases).solveMethod(SolveMethod.CONJUGATE_GRADIENT).cgSteps(steps)
        .build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      TrainingRun run = trainer.start(m);
      double previous = run.loss().total();
      for (int half = 0; half < 30; half++) {
        if (half % 2 == 0) {
          run.sweepUsers();
        } else {
          run.sweepItems();
        }
        double loss = run.loss().total();
        assertTrue(loss <= previous * (1 + 1e-12), "half-sweep " + (half + 1) + ": loss rose from "
            + previous + " to " + loss + " (seed " + seed + ")");
        previous = loss;
      }
    }
  }

  /**
   * Three steps per half-sweep reach Cholesky's final loss given a few more iterations: after 25
   * iterations within 1 % of what Cholesky reaches in 10, on the same data and start.
   */
  @Test
  void threeStepsReachCholeskysLossWithMoreIterations() {
    long seed = TestSeeds.base() + 11;
    RandomRatings data = RandomRatings.uniform(120, 90, 0.2, seed);
    AlsConfig cholesky =
        AlsConfig.builder().rank(10).lambda(0.05).seed(seed).threads(2).iterations(10).build();
    AlsConfig cg = cholesky.toBuilder().solveMethod(SolveMethod.CONJUGATE_GRADIENT).cgSteps(3)
        .iterations(25).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer a = new AlsTrainer(cholesky);
        AlsTrainer b = new AlsTrainer(cg)) {
      double[] exact = new double[1];
      double[] iterative = new double[1];
      a.train(m, stats -> exact[0] = stats.loss().total());
      b.train(m, stats -> iterative[0] = stats.loss().total());
      assertTrue(iterative[0] <= exact[0] * 1.01,
          "CG loss " + iterative[0] + " vs Cholesky " + exact[0] + " (seed " + seed + ")");
    }
  }

  @Test
  void stepsOutsideTheRangeAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AlsConfig.builder().solveMethod(SolveMethod.CONJUGATE_GRADIENT).cgSteps(0).build());
    assertEquals("cgSteps: 0 (expected: 1..10000)", e.getMessage());
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    double max = 0;
    for (double v : expected) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-8 * max,
          what + ": entry " + i + " is " + actual[i] + ", Cholesky gives " + expected[i]);
    }
  }
}
