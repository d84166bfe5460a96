package io.als4j.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.tools.Ratings;
import io.als4j.tools.synth.PlantedValues;
import io.als4j.tools.synth.SyntheticRatings;
import io.als4j.tools.synth.SyntheticSpec;
import io.als4j.train.AlsConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaSearchTest {
  private static final AlsConfig BASE =
      AlsConfig.builder().rank(8).iterations(6).threads(2).biases(true).build();

  private static Ratings data(double noise) {
    SyntheticSpec spec = SyntheticSpec.movieLens1m(3).withSize(400, 300, 24_000)
        .withValues(new PlantedValues(4, 0.8, 3, 0.3, 0.3, noise, -100, 100, 0));
    return SyntheticRatings.generate(spec).ratings();
  }

  /** It returns the best λ it tried, tried a contiguous stretch of the grid, and stopped at a rise. */
  @Test
  void choosesTheBestCandidateItTriedAndClimbsContiguously() {
    LambdaSearch.Result r = LambdaSearch.run(data(0.8), BASE, 11);
    List<LambdaSearch.Trial> trials = r.trials();
    assertTrue(trials.size() >= 2, "at least the middle and one neighbour: " + trials);
    LambdaSearch.Trial best = trials.get(0);
    for (LambdaSearch.Trial t : trials) {
      best = t.rmse() < best.rmse() ? t : best;
    }
    assertEquals(best.lambda(), r.lambda());
    int first = Arrays.binarySearch(LambdaSearch.GRID, trials.get(0).lambda());
    for (int i = 0; i < trials.size(); i++) {
      assertEquals(LambdaSearch.GRID[first + i], trials.get(i).lambda(), "contiguous: " + trials);
    }
    // The climb stops after a worse neighbour, unless the best is at an end of the grid.
    int at = Arrays.binarySearch(LambdaSearch.GRID, r.lambda());
    boolean lowEnd = at == 0;
    boolean highEnd = at == LambdaSearch.GRID.length - 1;
    assertTrue(lowEnd || trials.get(0).lambda() < r.lambda(), "a lower λ was tried and was worse");
    assertTrue(highEnd || trials.get(trials.size() - 1).lambda() > r.lambda(),
        "a higher λ was tried and was worse");
  }

  /** More noise needs more regularization: the search must see that. */
  @Test
  void noisierRatingsGetALargerLambda() {
    double clean = LambdaSearch.run(data(0.05), BASE, 11).lambda();
    double noisy = LambdaSearch.run(data(2.0), BASE, 11).lambda();
    assertTrue(noisy > clean, "λ for σ = 2: " + noisy + ", for σ = 0.05: " + clean);
  }
}
