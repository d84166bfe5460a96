package io.als4j.tools.eval;

/**
 * Error of a model's predictions on held-out ratings.
 *
 * @param rmse root mean squared error over the evaluated ratings
 * @param mae mean absolute error over the evaluated ratings
 * @param evaluated ratings scored
 * @param unknown held-out ratings whose user or item had no training rating: dropped, or
 *     predicted as the training mean, by the {@link UnknownPolicy}
 */
public record Evaluation(double rmse, double mae, int evaluated, int unknown) {}
