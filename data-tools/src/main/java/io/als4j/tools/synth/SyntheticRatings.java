package io.als4j.tools.synth;

import io.als4j.tools.Ratings;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates rating sets with the skew of real ones, from a planted low-rank model.
 *
 * <p>Degrees: every user gets {@code minPerUser} ratings plus a Pareto-distributed excess, scaled
 * so the total is exactly {@code ratings}, and capped at half the items; items are drawn by
 * Zipf-like popularity (in a shuffled order), without replacement within a user. That yields what
 * breaks naive load balancing in MovieLens: a few users and items with a large share of the ratings.
 *
 * <p>Values: a planted rank-K model r = wᵢ·uⱼ, with the first coordinate of both sides near
 * √(mid-scale) so products centre on the middle of the rating scale, and the others Gaussian, plus
 * N(0, σ²) noise, clamped to the rating range. Single-threaded and fully determined by the seed.
 */
public final class SyntheticRatings {
  /** Variance of the planted product that the non-constant coordinates contribute. */
  private static final double SIGNAL_VARIANCE = 0.5;
  /** Relative spread of the constant coordinate: per-user and per-item offsets. */
  private static final double OFFSET_SPREAD = 0.12;

  private SyntheticRatings() {}

  public static SyntheticDataset generate(SyntheticSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    int[] degrees = userDegrees(spec, random.split());
    double[] popularity = cumulativePopularity(spec, random.split());
    double[][] planted = plantedFactors(spec, random.split());
    double[] w = planted[0];
    double[] u = planted[1];
    final int k = spec.rank();

    int n = (int) spec.ratings();
    int[] users = new int[n];
    int[] items = new int[n];
    float[] values = new float[n];
    double[] signal = new double[n];
    int[] seenBy = new int[spec.items()];
    Arrays.fill(seenBy, -1);
    SplittableRandom draws = random.split();
    SplittableRandom noise = random.split();
    int t = 0;
    for (int user = 0; user < spec.users(); user++) {
      for (int d = 0; d < degrees[user]; d++) {
        int item;
        do {
          item = drawItem(popularity, draws);
        } while (seenBy[item] == user);
        seenBy[item] = user;
        double s = 0;
        for (int c = 0; c < k; c++) {
          s += w[user * k + c] * u[item * k + c];
        }
        double r = s + spec.noise() * noise.nextGaussian();
        users[t] = user;
        items[t] = item;
        values[t] = (float) Math.max(spec.minRating(), Math.min(spec.maxRating(), r));
        signal[t] = s;
        t++;
      }
    }
    return new SyntheticDataset(
        spec, new Ratings(spec.users(), spec.items(), users, items, values), signal);
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

  /** Cumulative Zipf-like weights over items in a shuffled order, normalized to end at 1. */
  private static double[] cumulativePopularity(SyntheticSpec spec, SplittableRandom random) {
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
    double[] cumulative = new double[items];
    double sum = 0;
    for (int j = 0; j < items; j++) {
      sum += Math.pow(rankOf[j] + 10.0, -spec.itemExponent());
      cumulative[j] = sum;
    }
    for (int j = 0; j < items; j++) {
      cumulative[j] /= sum;
    }
    cumulative[items - 1] = 1.0;
    return cumulative;
  }

  private static int drawItem(double[] cumulative, SplittableRandom random) {
    int at = Arrays.binarySearch(cumulative, random.nextDouble());
    // Item j owns (cumulative[j-1], cumulative[j]].
    return at >= 0 ? at : -at - 1;
  }

  /** {w, u}: row-major users × rank and items × rank planted factors. */
  private static double[][] plantedFactors(SyntheticSpec spec, SplittableRandom random) {
    int k = spec.rank();
    double centre = (spec.minRating() + spec.maxRating()) / 2;
    double offset = Math.sqrt(Math.abs(centre));
    // k-1 Gaussian coordinates on each side: Var(Σ xᵢyᵢ) = (k-1)·s⁴ = SIGNAL_VARIANCE.
    double s = k > 1 ? Math.pow(SIGNAL_VARIANCE / (k - 1), 0.25) : 0;
    double[] w = new double[spec.users() * k];
    double[] u = new double[spec.items() * k];
    fill(w, spec.users(), k, offset, s, random);
    fill(u, spec.items(), k, Math.copySign(offset, centre), s, random);
    return new double[][] {w, u};
  }

  private static void fill(
      double[] f, int rows, int k, double offset, double s, SplittableRandom random) {
    for (int r = 0; r < rows; r++) {
      f[r * k] = offset * (1 + OFFSET_SPREAD * random.nextGaussian());
      for (int c = 1; c < k; c++) {
        f[r * k + c] = s * random.nextGaussian();
      }
    }
  }
}
