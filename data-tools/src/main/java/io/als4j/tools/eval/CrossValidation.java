package io.als4j.tools.eval;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.tools.Ratings;
import io.als4j.train.AlsConfig;
import io.als4j.train.AlsTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation: the ratings are split into k folds ({@link Splits#kFold}); each fold in
 * turn is the test set for a model trained on the others, one fold at a time with all threads.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * @param evaluation the fold's error
   * @param seconds training and scoring time of the fold
   */
  public record Fold(int fold, Evaluation evaluation, double lambda, double seconds) {}

  /** Mean and sample standard deviation of the folds' RMSE and MAE. */
  public record Summary(double rmseMean, double rmseSd, double maeMean, double maeSd) {
    static Summary of(List<Fold> folds) {
      double[] rmse = folds.stream().mapToDouble(f -> f.evaluation().rmse()).toArray();
      double[] mae = folds.stream().mapToDouble(f -> f.evaluation().mae()).toArray();
      return new Summary(mean(rmse), sd(rmse), mean(mae), sd(mae));
    }

    private static double mean(double[] v) {
      double s = 0;
      for (double x : v) {
        s += x;
      }
      return s / v.length;
    }

    private static double sd(double[] v) {
      if (v.length < 2) {
        return 0;
      }
      double m = mean(v);
      double s = 0;
      for (double x : v) {
        s += (x - m) * (x - m);
      }
      return Math.sqrt(s / (v.length - 1));
    }
  }

  public interface Progress {
    void onFold(Fold fold);
  }

  /**
   * Trains on all folds but one and evaluates on that one, for each fold in turn.
   *
   * @param searchLambda whether each fold chooses λ on its own training ratings ({@link
   *     LambdaSearch}) instead of using the config's
   * @param clamp whether predictions are clamped to each training set's rating range
   */
  public static List<Fold> run(
      Ratings all, int folds, long seed, AlsConfig config, boolean searchLambda,
      UnknownPolicy policy, boolean clamp, Progress progress) {
    int[][] parts = Splits.kFold(all, folds, seed);
    List<Fold> results = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      long t0 = System.nanoTime();
      Ratings test = all.select(parts[f]);
      Ratings train = all.select(all.complement(parts[f]));
      AlsConfig fitted = searchLambda
          ? config.toBuilder().lambda(LambdaSearch.run(train, config, seed + f).lambda()).build()
          : config;
      try (RatingMatrix training = train.toMatrix();
          AlsTrainer trainer = new AlsTrainer(fitted)) {
        AlsModel model = trainer.train(training);
        Evaluator evaluator = Evaluator.forTraining(train, policy);
        if (!clamp) {
          evaluator = evaluator.withoutClamping();
        }
        Evaluation e = evaluator.evaluate(model, training, test);
        Fold fold = new Fold(f + 1, e, fitted.lambda(), (System.nanoTime() - t0) * 1e-9);
        results.add(fold);
        progress.onFold(fold);
      }
    }
    return results;
  }

  public static Summary summarize(List<Fold> folds) {
    return Summary.of(folds);
  }
}
