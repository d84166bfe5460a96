package io.als4j.train;

/**
 * What happened in one full iteration (a user half-sweep followed by an item half-sweep).
 *
 * @param iteration 1-based iteration number
 * @param iterations total iterations of the run
 * @param loss the regularized loss and training error after the iteration
 * @param seconds wall time of both half-sweeps (the loss evaluation is not included)
 * @param ratingsPerSecond training ratings divided by {@code seconds}: each rating is visited
 *     once per half-sweep, so twice per iteration
 * @param gflops Gram, right-hand-side and Cholesky floating-point work of the iteration, in 10⁹
 *     operations per second of {@code seconds}
 * @param validationRmse RMSE on the validation ratings after the iteration, NaN without a {@link
 *     Validator}
 * @param validationMae MAE on the validation ratings, NaN without a validator
 */
public record IterationStats(
    int iteration,
    int iterations,
    Loss loss,
    double seconds,
    double ratingsPerSecond,
    double gflops,
    double validationRmse,
    double validationMae) {}
