package io.als4j.tools.synth;

/**
 * How generated rating values arise: r = μ + bᵢ + cⱼ + wᵢ·uⱼ + ε, rounded to the scale's step and
 * clamped to its range, the way real explicit ratings are an integer (or half-star) reading of a
 * noisy opinion.
 *
 * <p>The default presets follow the published statistics of MovieLens (mean about 3.5, standard
 * deviation about 1.1, whole stars or half stars): user and item offsets carry most of the
 * explainable variance, a rank-10 interaction some more, and noise plus rounding the rest, so that
 * offsets alone score about 0.9 RMSE and the planted model about 0.8. Hyperparameters that work on
 * these presets then have a chance on real data; a low-noise model would favour far too little
 * regularization.
 *
 * @param rank rank of the planted interaction wᵢ·uⱼ
 * @param interactionSd standard deviation of wᵢ·uⱼ across (user, item) pairs
 * @param mean μ, the centre of the planted ratings
 * @param userOffsetSd standard deviation of the per-user offsets bᵢ (0: none)
 * @param itemOffsetSd standard deviation of the per-item offsets cⱼ (0: none)
 * @param noise standard deviation σ of the Gaussian noise ε
 * @param minRating smallest rating of the scale
 * @param maxRating largest rating of the scale
 * @param step granularity of the scale (1 for stars, 0.5 for half stars, 0 for continuous values)
 */
public record PlantedValues(
    int rank,
    double interactionSd,
    double mean,
    double userOffsetSd,
    double itemOffsetSd,
    double noise,
    double minRating,
    double maxRating,
    double step) {

  /** MovieLens-like values on a whole-star scale from {@code min} to 5 around {@code mean}. */
  static PlantedValues movieLensLike(double mean, double min, double step) {
    return new PlantedValues(10, 0.45, mean, 0.40, 0.45, 0.75, min, 5, step);
  }

  public PlantedValues {
    check(rank >= 1, "rank", rank, ">= 1");
    check(finiteAtLeastZero(interactionSd), "interactionSd", interactionSd, "a finite number >= 0");
    check(Double.isFinite(mean), "mean", mean, "a finite number");
    check(finiteAtLeastZero(userOffsetSd), "userOffsetSd", userOffsetSd, "a finite number >= 0");
    check(finiteAtLeastZero(itemOffsetSd), "itemOffsetSd", itemOffsetSd, "a finite number >= 0");
    check(finiteAtLeastZero(noise), "noise", noise, "a finite number >= 0");
    check(minRating < maxRating, "rating range", minRating + ".." + maxRating, "min < max");
    check(finiteAtLeastZero(step) && step <= maxRating - minRating, "step", step,
        "0 (continuous) or a positive step no larger than the range");
  }

  public PlantedValues withRank(int newRank) {
    return new PlantedValues(newRank, interactionSd, mean, userOffsetSd, itemOffsetSd, noise,
        minRating, maxRating, step);
  }

  public PlantedValues withNoise(double newNoise) {
    return new PlantedValues(rank, interactionSd, mean, userOffsetSd, itemOffsetSd, newNoise,
        minRating, maxRating, step);
  }

  /** What a rater with opinion {@code x} writes down: x rounded to the step, then clamped. */
  double reading(double x) {
    double r = step > 0 ? minRating + Math.rint((x - minRating) / step) * step : x;
    return Math.max(minRating, Math.min(maxRating, r));
  }

  private static boolean finiteAtLeastZero(double x) {
    return x >= 0 && Double.isFinite(x);
  }

  static void check(boolean ok, String name, Object value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
    }
  }
}
