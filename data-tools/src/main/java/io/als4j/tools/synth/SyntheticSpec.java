package io.als4j.tools.synth;

/**
 * The shape of a synthetic rating set: sizes, degree skew and the planted model.
 *
 * @param users number of users
 * @param items number of items
 * @param ratings number of ratings to generate, exactly
 * @param minPerUser every user rates at least this many items
 * @param userExponent Pareto tail index α of the user degrees beyond the minimum (smaller: heavier
 *     tail; MovieLens users look like α ≈ 1.2)
 * @param itemExponent Zipf exponent s of item popularity (weight of the r-th most popular item ∝
 *     1/(r + 10)ˢ)
 * @param rank rank of the planted model
 * @param noise standard deviation σ of the Gaussian noise added to each planted rating
 * @param minRating smallest rating; generated ratings are clamped to [minRating, maxRating]
 * @param maxRating largest rating
 * @param seed seed of every random draw: the same spec gives the same ratings
 */
public record SyntheticSpec(
    int users,
    int items,
    long ratings,
    int minPerUser,
    double userExponent,
    double itemExponent,
    int rank,
    double noise,
    double minRating,
    double maxRating,
    long seed) {

  /** The published shape of MovieLens 1M: 6,040 users, 3,706 rated items, 1,000,209 ratings. */
  public static SyntheticSpec movieLens1m(long seed) {
    return new SyntheticSpec(6_040, 3_706, 1_000_209, 20, 1.2, 0.9, 10, 0.5, 1, 5, seed);
  }

  public SyntheticSpec {
    check(users >= 1, "users", users, ">= 1");
    check(items >= 1, "items", items, ">= 1");
    check(minPerUser >= 0 && minPerUser <= items, "minPerUser", minPerUser, "0..items");
    // Each user may rate at most half the items (see SyntheticRatings), so that bounds the total.
    long most = (long) users * Math.max(minPerUser, items / 2);
    check(
        ratings >= (long) users * minPerUser && ratings <= most && ratings < Integer.MAX_VALUE,
        "ratings", ratings,
        (long) users * minPerUser + ".." + Math.min(most, Integer.MAX_VALUE - 1L)
            + " for these users, items and minPerUser");
    check(userExponent > 0, "userExponent", userExponent, "> 0");
    check(itemExponent >= 0, "itemExponent", itemExponent, ">= 0");
    check(rank >= 1, "rank", rank, ">= 1");
    check(noise >= 0 && Double.isFinite(noise), "noise", noise, "a finite number >= 0");
    check(minRating < maxRating, "rating range", minRating + ".." + maxRating, "min < max");
  }

  private static void check(boolean ok, String name, Object value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
    }
  }
}
