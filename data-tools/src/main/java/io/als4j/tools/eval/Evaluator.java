package io.als4j.tools.eval;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.tools.Ratings;
import java.util.function.IntToDoubleFunction;

/**
 * Scores predictions on held-out ratings, clamped to the rating range seen in training (a rating
 * scale has ends; a prediction of 5.7 on a 1–5 scale is a 5). Held-out ratings of a user or item
 * without training ratings are dropped and counted.
 */
public final class Evaluator {
  private final RatingMatrix training;
  private final double min;
  private final double max;

  public Evaluator(RatingMatrix training, double min, double max) {
    this.training = training;
    this.min = min;
    this.max = max;
  }

  public Evaluation evaluate(AlsModel model, Ratings test) {
    return evaluate(test, t -> model.predict(test.user(t), test.item(t)));
  }

  /** Scores any predictor of test rating {@code t}, such as the planted model of synthetic data. */
  public Evaluation evaluate(Ratings test, IntToDoubleFunction prediction) {
    double squared = 0;
    double absolute = 0;
    int evaluated = 0;
    int dropped = 0;
    for (int t = 0; t < test.size(); t++) {
      if (training.byUser().degree(test.user(t)) == 0
          || training.byItem().degree(test.item(t)) == 0) {
        dropped++;
        continue;
      }
      double p = Math.max(min, Math.min(max, prediction.applyAsDouble(t)));
      double e = test.value(t) - p;
      squared += e * e;
      absolute += Math.abs(e);
      evaluated++;
    }
    return evaluated == 0
        ? new Evaluation(Double.NaN, Double.NaN, 0, dropped)
        : new Evaluation(
            Math.sqrt(squared / evaluated), absolute / evaluated, evaluated, dropped);
  }
}
