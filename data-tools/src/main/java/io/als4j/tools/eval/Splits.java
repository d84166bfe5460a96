package io.als4j.tools.eval;

import io.als4j.tools.Ratings;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Train/test splits of a rating set, as sorted arrays of test positions. Seeded and reproducible;
 * the training set is always the complement ({@link Ratings#complement}).
 */
public final class Splits {
  private Splits() {}

  /** Exactly round(fraction·n) ratings chosen at random. */
  public static int[] random(Ratings r, double fraction, long seed) {
    return HoldOutSplit.random(r, fraction, seed).testPositions();
  }

  /** k ratings of every user with more than k, chosen at random; others stay in training. */
  public static int[] leaveKOut(Ratings r, int k, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("k: " + k + " (expected: >= 1)");
    }
    int[][] byUser = positionsByUser(r);
    SplittableRandom random = new SplittableRandom(seed);
    int[] held = new int[r.size()];
    int n = 0;
    for (int[] own : byUser) {
      if (own.length <= k) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        int j = i + random.nextInt(own.length - i);
        int x = own[i];
        own[i] = own[j];
        own[j] = x;
        held[n++] = own[i];
      }
    }
    return sorted(held, n);
  }

  /**
   * The latest floor(fraction·d) ratings of every user with d ratings (ties in time broken by
   * position): the test set lies in each user's future.
   */
  public static int[] temporal(Ratings r, double fraction) {
    if (!r.hasTimes()) {
      throw new IllegalArgumentException(
          "a temporal split needs timestamps, and these ratings have none");
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction: " + fraction + " (expected: 0 < f < 1)");
    }
    int[][] byUser = positionsByUser(r);
    int[] held = new int[r.size()];
    int n = 0;
    for (int[] own : byUser) {
      int take = (int) Math.floor(fraction * own.length);
      if (take == 0) {
        continue;
      }
      Integer[] order = new Integer[own.length];
      for (int i = 0; i < own.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Long.compare(r.time(own[a]), r.time(own[b]));
        return c != 0 ? c : Integer.compare(own[a], own[b]);
      });
      for (int i = own.length - take; i < own.length; i++) {
        held[n++] = own[order[i]];
      }
    }
    return sorted(held, n);
  }

  /** k folds that partition the ratings, by a seeded shuffle: fold f gets shuffled positions ≡ f. */
  public static int[][] kFold(Ratings r, int folds, long seed) {
    if (folds < 2 || folds > r.size()) {
      throw new IllegalArgumentException(
          "folds: " + folds + " (expected: 2.." + r.size() + ")");
    }
    int[] order = new int[r.size()];
    for (int t = 0; t < order.length; t++) {
      order[t] = t;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = order.length - 1; t > 0; t--) {
      int o = random.nextInt(t + 1);
      int x = order[t];
      order[t] = order[o];
      order[o] = x;
    }
    int[][] result = new int[folds][];
    for (int f = 0; f < folds; f++) {
      int size = (order.length - f + folds - 1) / folds;
      int[] fold = new int[size];
      for (int i = 0, t = f; t < order.length; t += folds) {
        fold[i++] = order[t];
      }
      Arrays.sort(fold);
      result[f] = fold;
    }
    return result;
  }

  private static int[][] positionsByUser(Ratings r) {
    int[] counts = new int[r.numUsers()];
    for (int t = 0; t < r.size(); t++) {
      counts[r.user(t)]++;
    }
    int[][] byUser = new int[r.numUsers()][];
    for (int u = 0; u < byUser.length; u++) {
      byUser[u] = new int[counts[u]];
      counts[u] = 0;
    }
    for (int t = 0; t < r.size(); t++) {
      int u = r.user(t);
      byUser[u][counts[u]++] = t;
    }
    return byUser;
  }

  private static int[] sorted(int[] values, int n) {
    int[] out = Arrays.copyOf(values, n);
    Arrays.sort(out);
    return out;
  }
}
