package io.als4j.tools.synth;

import io.als4j.tools.Ratings;
import io.als4j.internal.ParallelChunks;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Generates rating sets with the skew of real ones, from a planted low-rank model.
 *
 * <p>Degrees: every user gets {@code minPerUser} ratings plus a Pareto-distributed excess, scaled
 * so the total is exactly {@code ratings}, and capped at half the items; items are drawn by
 * Zipf-like popularity (in a shuffled order, drawn with an alias table), without replacement
 * within a user. That yields what
 * breaks naive load balancing in MovieLens: a few users and items with a large share of the ratings.
 *
 * <p>Values: see {@link PlantedValues}; offsets and factor coordinates are Gaussian. Users are
 * generated in parallel, each from its own random stream, so the result is fully determined by the
 * seed whatever the thread count.
 */
public final class SyntheticRatings {
  private SyntheticRatings() {}

  public static SyntheticDataset generate(SyntheticSpec spec) {
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return generate(spec, pool);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Generates on {@code pool}. Every user draws from its own stream, derived from the seed and the
   * user, so the result depends on the spec only, not on the number of threads.
   */
  public static SyntheticDataset generate(SyntheticSpec spec, ForkJoinPool pool) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    int[] degrees = userDegrees(spec, random.split());
    AliasTable popularity = new AliasTable(popularityWeights(spec, random.split()));
    final PlantedValues v = spec.values();
    final int k = v.rank();
    final double[] w = gaussian(spec.users() * k, factorSd(v), random.split());
    final double[] u = gaussian(spec.items() * k, factorSd(v), random.split());
    final double[] userOffset = gaussian(spec.users(), v.userOffsetSd(), random.split());
    final double[] itemOffset = gaussian(spec.items(), v.itemOffsetSd(), random.split());
    final long userSeed = random.nextLong();
    final int users = spec.users();
    final int n = (int) spec.ratings();
    final int[] start = new int[users + 1];
    for (int user = 0; user < users; user++) {
      start[user + 1] = start[user] + degrees[user];
    }
    final int[] userOf = new int[n];
    final int[] itemOf = new int[n];
    final float[] values = new float[n];
    final double[] signal = new double[n];
    final int perChunk = 512;
    ParallelChunks.run(
        pool,
        (users + perChunk - 1) / perChunk,
        c -> {
          int[] seenBy = new int[spec.items()];
          Arrays.fill(seenBy, -1);
          for (int user = c * perChunk; user < Math.min(users, (c + 1) * perChunk); user++) {
            SplittableRandom draws = new SplittableRandom(streamSeed(userSeed, user));
            for (int t = start[user]; t < start[user + 1]; t++) {
              int item;
              do {
                item = popularity.draw(draws);
              } while (seenBy[item] == user);
              seenBy[item] = user;
              double sum = v.mean() + userOffset[user] + itemOffset[item];
              for (int f = 0; f < k; f++) {
                sum += w[user * k + f] * u[item * k + f];
              }
              userOf[t] = user;
              itemOf[t] = item;
              values[t] = (float) v.reading(sum + v.noise() * draws.nextGaussian());
              signal[t] = sum;
            }
          }
        });
    return new SyntheticDataset(
        spec, new Ratings(spec.users(), spec.items(), userOf, itemOf, values), signal);
  }

  /**
   * The seed of user {@code user}'s stream, through SplitMix64's finalizer. Not simply {@code
   * base + user·γ}: a SplittableRandom seeded with s walks s + γ, s + 2γ, ..., so such seeds would
   * give every user the previous user's stream shifted by one draw, shared noise a model can learn.
   */
  static long streamSeed(long base, int user) {
    long z = base + 0x9e3779b97f4a7c15L * (user + 1L);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** minPerUser + a scaled Pareto excess, capped at half the items, summing to exactly ratings. */
  static int[] userDegrees(SyntheticSpec spec, SplittableRandom random) {
    int users = spec.users();
    int cap = Math.max(spec.minPerUser(), spec.items() / 2);
    double[] tail = new double[users];
    for (int i = 0; i < users; i++) {
      tail[i] = Math.pow(1 - random.nextDouble(), -1 / spec.userExponent()) - 1;
    }
    long excess = spec.ratings() - (long) users * spec.minPerUser();
    // Bisect the scale so the capped excesses add up to (just under) the wanted total.
    double lo = 0;
    double hi = 1;
    while (cappedSum(tail, hi, spec.minPerUser(), cap) < excess && hi < 1e12) {
      hi *= 2;
    }
    for (int step = 0; step < 100; step++) {
      double mid = (lo + hi) / 2;
      if (cappedSum(tail, mid, spec.minPerUser(), cap) <= excess) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    int[] degrees = new int[users];
    long total = 0;
    for (int i = 0; i < users; i++) {
      degrees[i] = degree(tail[i], lo, spec.minPerUser(), cap);
      total += degrees[i];
    }
    // Hand out what the rounding left, one rating at a time to random users below the cap.
    while (total < spec.ratings()) {
      int i = random.nextInt(users);
      if (degrees[i] < cap) {
        degrees[i]++;
        total++;
      }
    }
    return degrees;
  }

  private static long cappedSum(double[] tail, double scale, int min, int cap) {
    long sum = 0;
    for (double x : tail) {
      sum += degree(x, scale, min, cap) - min;
    }
    return sum;
  }

  private static int degree(double tail, double scale, int min, int cap) {
    return (int) Math.min(cap, min + Math.floor(tail * scale));
  }

  /** Zipf-like weights 1/(rank + 10)^s over items, the ranks in a shuffled order. */
  private static double[] popularityWeights(SyntheticSpec spec, SplittableRandom random) {
    int items = spec.items();
    int[] rankOf = new int[items];
    for (int j = 0; j < items; j++) {
      rankOf[j] = j;
    }
    for (int j = items - 1; j > 0; j--) {
      int o = random.nextInt(j + 1);
      int x = rankOf[j];
      rankOf[j] = rankOf[o];
      rankOf[o] = x;
    }
    double[] weights = new double[items];
    for (int j = 0; j < items; j++) {
      weights[j] = Math.pow(rankOf[j] + 10.0, -spec.itemExponent());
    }
    return weights;
  }

  /** Standard deviation s of each factor coordinate: Var(Σ xᵢyᵢ) over rank coordinates = rank·s⁴. */
  private static double factorSd(PlantedValues v) {
    return Math.pow(v.interactionSd() * v.interactionSd() / v.rank(), 0.25);
  }

  private static double[] gaussian(int n, double sd, SplittableRandom random) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = sd * random.nextGaussian();
    }
    return x;
  }
}
