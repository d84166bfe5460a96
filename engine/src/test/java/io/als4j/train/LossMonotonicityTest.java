package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each half-sweep minimizes the regularized loss exactly over one side, so the loss may not rise
 * from one half-sweep to the next. The slack, 1e-12 relative, only absorbs the rounding of summing
 * the loss itself once the iterates have converged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LossMonotonicityTest {

  @ParameterizedTest(name = "seed offset {0}, rank {1}, {2}, biases {3}")
  @CsvSource({
    "0, 5, WEIGHTED, false", "1, 5, PLAIN, false", "2, 12, WEIGHTED, false",
    "3, 12, PLAIN, false", "4, 3, WEIGHTED, false", "5, 20, PLAIN, false",
    "6, 5, WEIGHTED, true", "7, 12, PLAIN, true", "8, 1, WEIGHTED, true"
  })
  void lossNeverIncreasesBetweenHalfSweeps(int seedOffset, int rank, LambdaMode mode, boolean biases) {
    long seed = TestSeeds.base() + 100 + seedOffset;
    RandomRatings data = RandomRatings.uniform(60, 45, 0.25, seed);
    AlsConfig config =
        AlsConfig.builder().biases(false).rank(rank).lambda(0.05).lambdaMode(mode).seed(seed).threads(2)
            .biases(biases).build();
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
        assertTrue(
            loss <= previous * (1 + 1e-12),
            "half-sweep " + (half + 1) + ": loss rose from " + previous + " to " + loss
                + " (seed " + seed + ")");
        previous = loss;
      }
    }
  }
}
