package io.als4j.train;

import io.als4j.model.AlsModel;

/**
 * Scores the model being trained on ratings held out from training, after every iteration: the
 * validation curve, and what early stopping watches.
 */
@FunctionalInterface
public interface Validator {
  /**
   * @return {rmse, mae} of the current model on the validation ratings
   */
  double[] score(AlsModel current);
}
