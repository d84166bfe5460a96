package io.als4j.tools.eval;

/**
 * Error of a model's predictions on held-out ratings.
 *
 * @param rmse root mean squared error over the evaluated ratings
 * @param mae mean absolute error over the evaluated ratings
 * @param evaluated ratings scored
 * @param dropped held-out ratings not scored because their user or item had no training rating
 *     (the model has nothing learned about them; a later policy may predict the mean instead)
 */
public record Evaluation(double rmse, double mae, int evaluated, int dropped) {}
