package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.model.AlsModel;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/** The same config and seed give bit-identical factors and losses on 1 and 2 threads. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeterminismTest {

  @ParameterizedTest
  @EnumSource(SolveMethod.class)
  void oneAndTwoThreadsGiveBitIdenticalFactors(SolveMethod method) {
    // Skewed degrees (a user and an item that are rated by everyone) so chunks differ in size.
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    int users = 400;
    int items = 150;
    try (RatingMatrixBuilder builder = new RatingMatrixBuilder(users, items)) {
      for (int i = 0; i < users; i++) {
        for (int j = 0; j < items; j++) {
          if (i == 0 || j == 0 || random.nextDouble() < 0.05 / (1 + j % 7)) {
            builder.add(i, j, (float) (1 + 4 * random.nextDouble()));
          }
        }
      }
      try (RatingMatrix m = builder.build()) {
        List<Double> lossesOne = new ArrayList<>();
        List<Double> lossesTwo = new ArrayList<>();
        AlsModel one = train(m, 1, method, lossesOne);
        AlsModel two = train(m, 2, method, lossesTwo);
        assertArrayEquals(one.userFactors().data(), two.userFactors().data());
        assertArrayEquals(one.itemFactors().data(), two.itemFactors().data());
        assertEquals(lossesOne, lossesTwo);
      }
    }
  }

  private static AlsModel train(
      RatingMatrix m, int threads, SolveMethod method, List<Double> losses) {
    AlsConfig config = AlsConfig.builder().biases(false).rank(9).iterations(3).threads(threads)
        .solveMethod(method).build();
    try (AlsTrainer trainer = new AlsTrainer(config)) {
      return trainer.train(m, stats -> losses.add(stats.loss().total()));
    }
  }
}
