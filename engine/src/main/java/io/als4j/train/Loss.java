package io.als4j.train;

/**
 * The regularized objective of a factorization on its training ratings:
 *
 * <pre>L = Σ₍ᵢ,ⱼ₎ (rᵢⱼ − wᵢ·uⱼ)² + Σᵢ λᵢ‖wᵢ‖² + Σⱼ λⱼ‖uⱼ‖²</pre>
 *
 * Each half-sweep minimizes L exactly over one side, so L never increases from one half-sweep to
 * the next.
 *
 * @param squaredError Σ (rᵢⱼ − wᵢ·uⱼ)² over the training ratings
 * @param regularization Σᵢ λᵢ‖wᵢ‖² + Σⱼ λⱼ‖uⱼ‖²
 * @param ratings number of training ratings
 */
public record Loss(double squaredError, double regularization, long ratings) {

  /** The regularized loss L. */
  public double total() {
    return squaredError + regularization;
  }

  /** Root mean squared error on the training ratings. */
  public double rmse() {
    return ratings == 0 ? 0.0 : Math.sqrt(squaredError / ratings);
  }
}
