package io.als4j.tools.eval;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.tools.Ratings;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Scores predictions on held-out ratings, clamped to the rating range seen in training (a rating
 * scale has ends; a prediction of 5.7 on a 1–5 scale is a 5). A held-out rating of a user or item
 * without training ratings is dropped or predicted as the training mean ({@link UnknownPolicy}),
 * and counted either way.
 */
public final class Evaluator {
  private final double min;
  private final double max;
  private final double mean;
  private final UnknownPolicy policy;

  /**
   * @param min smallest training rating (NaN: no clamping)
   * @param max largest training rating
   * @param mean mean training rating (for {@link UnknownPolicy#MEAN})
   */
  public Evaluator(double min, double max, double mean, UnknownPolicy policy) {
    this.min = min;
    this.max = max;
    this.mean = mean;
    this.policy = policy;
  }

  /** The range and mean of {@code training}, with {@code policy}. */
  public static Evaluator forTraining(Ratings training, UnknownPolicy policy) {
    double[] range = training.range();
    double sum = 0;
    for (int t = 0; t < training.size(); t++) {
      sum += training.value(t);
    }
    return new Evaluator(range[0], range[1], sum / training.size(), policy);
  }

  /** The same evaluator without clamping: raw model scores. */
  public Evaluator withoutClamping() {
    return new Evaluator(Double.NaN, Double.NaN, mean, policy);
  }

  /** A model trained on {@code training}: known means the user and item had training ratings. */
  public Evaluation evaluate(AlsModel model, RatingMatrix training, Ratings test) {
    return evaluate(
        test,
        t -> training.byUser().degree(test.user(t)) > 0
            && training.byItem().degree(test.item(t)) > 0,
        t -> model.predict(test.user(t), test.item(t)));
  }

  /**
   * Scores any predictor of test rating {@code t}, such as the planted model of synthetic data or
   * a loaded model file.
   */
  public Evaluation evaluate(Ratings test, IntPredicate known, IntToDoubleFunction prediction) {
    double squared = 0;
    double absolute = 0;
    int evaluated = 0;
    int unknown = 0;
    for (int t = 0; t < test.size(); t++) {
      double p;
      if (known.test(t)) {
        p = prediction.applyAsDouble(t);
        if (!Double.isNaN(min)) {
          p = Math.max(min, Math.min(max, p));
        }
      } else {
        unknown++;
        if (policy == UnknownPolicy.DROP) {
          continue;
        }
        p = mean;
      }
      double e = test.value(t) - p;
      squared += e * e;
      absolute += Math.abs(e);
      evaluated++;
    }
    return evaluated == 0
        ? new Evaluation(Double.NaN, Double.NaN, 0, unknown)
        : new Evaluation(Math.sqrt(squared / evaluated), absolute / evaluated, evaluated, unknown);
  }
}
