package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EarlyStoppingTest {

  /**
   * A validator scripted to improve until iteration 3 and then get worse: with patience 2 the run
   * stops after iteration 5 and returns exactly the model a 3-iteration run gives (the best
   * iteration's factors, closed by the same user half-sweep).
   */
  @Test
  void stopsAndReturnsTheBestIterationsModel() {
    double[] script = {5.0, 4.0, 3.0, 3.5, 3.6, 2.0, 1.0};
    int[] calls = {0};
    Validator scripted = model -> {
      double rmse = script[calls[0]++];
      return new double[] {rmse, rmse / 2};
    };
    AlsConfig config = AlsConfig.builder().biases(false).rank(4).iterations(7).threads(2).build();
    try (RatingMatrix m = RandomRatings.uniform(40, 30, 0.3, TestSeeds.base()).toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      List<IterationStats> events = new ArrayList<>();
      AlsModel stopped = trainer.train(m, events::add, scripted, new EarlyStopping(2, 0.01));
      assertEquals(5, events.size(), "stops after 2 iterations without a 1 % gain");
      assertEquals(3.0, events.get(2).validationRmse());
      assertEquals(1.5, events.get(2).validationMae());
      try (AlsTrainer exact = new AlsTrainer(config.toBuilder().iterations(3).build())) {
        AlsModel reference = exact.train(m);
        assertArrayEquals(reference.itemFactors().data(), stopped.itemFactors().data());
        assertArrayEquals(reference.userFactors().data(), stopped.userFactors().data());
      }
    }
  }

  /** An improvement smaller than min delta does not count. */
  @Test
  void smallGainsDoNotResetThePatience() {
    double[] script = {5.0, 4.99, 4.98, 1.0};
    int[] calls = {0};
    Validator scripted = model -> new double[] {script[calls[0]++], 0};
    try (RatingMatrix m = RandomRatings.uniform(20, 20, 0.3, 4).toMatrix();
        AlsTrainer trainer =
            new AlsTrainer(AlsConfig.builder().biases(false).rank(3).iterations(4).threads(1).build())) {
      List<IterationStats> events = new ArrayList<>();
      trainer.train(m, events::add, scripted, new EarlyStopping(2, 0.01));
      assertEquals(3, events.size());
    }
  }

  @Test
  void earlyStoppingNeedsAValidator() {
    try (RatingMatrix m = RandomRatings.uniform(5, 5, 0.5, 1).toMatrix();
        AlsTrainer trainer = new AlsTrainer(AlsConfig.builder().biases(false).rank(2).build())) {
      assertThrows(IllegalArgumentException.class,
          () -> trainer.train(m, TrainingListener.NONE, null, new EarlyStopping(1, 0)));
    }
  }
}
