package io.als4j.tools.synth;

/**
 * The shape of a synthetic rating set, sizes and degree skew, and the planted values.
 *
 * @param users number of users
 * @param items number of items
 * @param ratings number of ratings to generate, exactly
 * @param minPerUser every user rates at least this many items
 * @param userExponent Pareto tail index α of the user degrees beyond the minimum (smaller: heavier
 *     tail; MovieLens users look like α ≈ 1.2)
 * @param itemExponent Zipf exponent s of item popularity (weight of the r-th most popular item ∝
 *     1/(r + 10)ˢ)
 * @param values the planted model and rating scale the values come from
 * @param seed seed of every random draw: the same spec gives the same ratings
 */
public record SyntheticSpec(
    int users,
    int items,
    long ratings,
    int minPerUser,
    double userExponent,
    double itemExponent,
    PlantedValues values,
    long seed) {

  /** The published shape of MovieLens 1M: 6,040 users, 3,706 rated items, 1,000,209 ratings. */
  public static SyntheticSpec movieLens1m(long seed) {
    return new SyntheticSpec(
        6_040, 3_706, 1_000_209, 20, 1.2, 0.9, PlantedValues.movieLensLike(3.58, 1, 1), seed);
  }

  /** The preset names {@link #preset} knows. */
  public static final java.util.List<String> PRESETS =
      java.util.List.of("ml-100k", "ml-1m", "ml-20m", "netflix");

  /**
   * The published shapes: MovieLens 100K (943 × 1,682, 100,000), 1M (6,040 × 3,706, 1,000,209),
   * 20M (138,493 × 26,744, 20,000,263, half-star scale from 0.5) and the Netflix Prize (480,189 ×
   * 17,770, 100,480,507, some users with a single rating). Every MovieLens user has at least 20.
   * Their values follow {@link PlantedValues}: MovieLens-like means, offsets and noise.
   */
  public static SyntheticSpec preset(String name, long seed) {
    switch (name) {
      case "ml-100k":
        return new SyntheticSpec(
            943, 1_682, 100_000, 20, 1.2, 0.9, PlantedValues.movieLensLike(3.53, 1, 1), seed);
      case "ml-1m":
        return movieLens1m(seed);
      case "ml-20m":
        return new SyntheticSpec(138_493, 26_744, 20_000_263, 20, 1.2, 0.9,
            PlantedValues.movieLensLike(3.53, 0.5, 0.5), seed);
      case "netflix":
        return new SyntheticSpec(480_189, 17_770, 100_480_507, 1, 1.2, 0.9,
            PlantedValues.movieLensLike(3.60, 1, 1), seed);
      default:
        throw new IllegalArgumentException(
            "preset: " + name + " (expected: one of " + String.join(", ", PRESETS) + ")");
    }
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
    check(values != null, "values", values, "planted values");
  }

  /** The same degree skew and values at another size. */
  public SyntheticSpec withSize(int newUsers, int newItems, long newRatings) {
    return new SyntheticSpec(newUsers, newItems, newRatings, minPerUser, userExponent,
        itemExponent, values, seed);
  }

  public SyntheticSpec withValues(PlantedValues newValues) {
    return new SyntheticSpec(users, items, ratings, minPerUser, userExponent, itemExponent,
        newValues, seed);
  }

  public SyntheticSpec withSeed(long newSeed) {
    return new SyntheticSpec(users, items, ratings, minPerUser, userExponent, itemExponent,
        values, newSeed);
  }

  private static void check(boolean ok, String name, Object value, String expected) {
    PlantedValues.check(ok, name, value, expected);
  }
}
