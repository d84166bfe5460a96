package io.als4j.tools.eval;

import io.als4j.tools.Ratings;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded random hold-out split: exactly round(fraction·n) ratings go to the test set, chosen by a
 * partial Fisher–Yates shuffle; the rest, in input order, to the training set.
 *
 * @param train the training ratings
 * @param test the held-out ratings
 * @param testPositions for each test rating, its position in the input
 */
public record HoldOutSplit(Ratings train, Ratings test, int[] testPositions) {

  public static HoldOutSplit random(Ratings all, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("holdout fraction: " + fraction + " (expected: 0 <= f < 1)");
    }
    int n = all.size();
    int testSize = (int) Math.round(fraction * n);
    int[] order = new int[n];
    for (int t = 0; t < n; t++) {
      order[t] = t;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < testSize; t++) {
      int o = t + random.nextInt(n - t);
      int x = order[t];
      order[t] = order[o];
      order[o] = x;
    }
    int[] test = Arrays.copyOf(order, testSize);
    Arrays.sort(test);
    boolean[] held = new boolean[n];
    for (int t : test) {
      held[t] = true;
    }
    int[] train = new int[n - testSize];
    for (int t = 0, at = 0; t < n; t++) {
      if (!held[t]) {
        train[at++] = t;
      }
    }
    return new HoldOutSplit(all.select(train), all.select(test), test);
  }
}
