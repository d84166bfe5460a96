package io.als4j.tools.eval;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.tools.Ratings;
import io.als4j.train.AlsConfig;
import io.als4j.train.AlsTrainer;
import io.als4j.train.LambdaMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses λ from the training ratings alone: holds out a tenth of them, trains with λ values from a
 * grid and keeps the one with the lowest validation RMSE.
 *
 * <p>Why the default is a search and not a number: the best weighted λ moves with the data's noise
 * and sparsity. On the MovieLens-100K-shaped preset it is about 0.12, on the 1M-shaped one about
 * 0.05, and either value costs 0.03–0.05 RMSE on the other (benchmarks/RESULTS.md, "Choosing λ").
 * A few extra trainings are cheap next to a model that is wrong by that much.
 *
 * <p>The search climbs from the middle of the grid towards lower validation error and stops when the
 * next value is worse: the error is unimodal in λ in practice (too little regularization overfits,
 * too much underfits), so it usually trains three or four times instead of the whole grid. Only
 * the first candidate starts from random factors; each later one starts from its neighbour's model
 * and runs {@link #WARM_ITERATIONS} iterations. That is faster and also compares the candidates
 * better converged: on the MovieLens-1M preset's 5 folds it picked 0.05 on every fold (0.8008 →
 * 0.7991 RMSE) in about two thirds of the time (benchmarks/RESULTS.md, "Choosing λ").
 */
public final class LambdaSearch {
  /** Weighted λ candidates, about ×1.4 apart. */
  static final double[] GRID = {0.02, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28};
  /**
   * Iterations of every candidate after the first, which starts from the neighbouring candidate's
   * model (a warm start) instead of random factors.
   */
  static final int WARM_ITERATIONS = 3;
  /** Share of the training ratings held out to score each candidate. */
  public static final double VALIDATION_FRACTION = 0.1;

  private LambdaSearch() {}

  /** One candidate: its λ, its validation RMSE, and the seconds it took. */
  public record Trial(double lambda, double rmse, double seconds) {}

  /** The chosen λ and every candidate tried, in ascending λ. */
  public record Result(double lambda, List<Trial> trials) {}

  /**
   * Searches λ for {@code base} (every setting but λ is kept) on {@code training}.
   *
   * @param seed seed of the validation split
   */
  public static Result run(Ratings training, AlsConfig base, long seed) {
    HoldOutSplit split = HoldOutSplit.random(training, VALIDATION_FRACTION, seed);
    double scale = scale(base, split.train());
    List<Trial> trials = new ArrayList<>();
    try (RatingMatrix matrix = split.train().toMatrix()) {
      Candidates c = new Candidates(base, scale, matrix, split.test(),
          Evaluator.forTraining(split.train(), UnknownPolicy.DROP), trials);
      int at = GRID.length / 2;
      int direction = -1;
      if (c.rmse(at + 1) < c.rmse(at)) {
        at++;
        direction = 1;
      }
      while (c.rmse(at + direction) < c.rmse(at)) {
        at += direction;
      }
      trials.sort(Comparator.comparingDouble(Trial::lambda));
      return new Result(GRID[at] * scale, List.copyOf(trials));
    }
  }

  /** Validation RMSE per grid index, each trained once, on first use. */
  private static final class Candidates {
    private final AlsConfig base;
    private final double scale;
    private final RatingMatrix matrix;
    private final Ratings validation;
    private final Evaluator evaluator;
    private final List<Trial> trials;
    private final double[] rmse = new double[GRID.length];
    private final AlsModel[] models = new AlsModel[GRID.length];

    Candidates(AlsConfig base, double scale, RatingMatrix matrix, Ratings validation,
        Evaluator evaluator, List<Trial> trials) {
      this.base = base;
      this.scale = scale;
      this.matrix = matrix;
      this.validation = validation;
      this.evaluator = evaluator;
      this.trials = trials;
      java.util.Arrays.fill(rmse, Double.NaN);
    }

    /** The validation RMSE of grid index {@code index}; +∞ off the grid, so the climb stops. */
    double rmse(int index) {
      if (index < 0 || index >= GRID.length) {
        return Double.POSITIVE_INFINITY;
      }
      if (Double.isNaN(rmse[index])) {
        long t0 = System.nanoTime();
        AlsModel neighbour = index > 0 && models[index - 1] != null ? models[index - 1]
            : index + 1 < GRID.length ? models[index + 1] : null;
        AlsConfig config = base.toBuilder().lambda(GRID[index] * scale)
            .iterations(neighbour == null ? base.iterations()
                : Math.min(base.iterations(), WARM_ITERATIONS))
            .build();
        AlsModel model;
        try (AlsTrainer trainer = new AlsTrainer(config)) {
          model = neighbour == null ? trainer.train(matrix) : trainer.train(matrix, neighbour);
        }
        models[index] = model;
        rmse[index] = evaluator.evaluate(model, matrix, validation).rmse();
        trials.add(new Trial(config.lambda(), rmse[index], (System.nanoTime() - t0) * 1e-9));
      }
      return rmse[index];
    }
  }

  /**
   * The grid is for weighted λ (a penalty per rating). With plain λ, one penalty per row, the same
   * strength is about λ times a row's mean number of ratings.
   */
  private static double scale(AlsConfig base, Ratings training) {
    if (base.lambdaMode() == LambdaMode.WEIGHTED) {
      return 1;
    }
    return Math.max(1, (double) training.size() / Math.max(1, training.numUsers()));
  }
}
