package io.als4j.tools.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.tools.Ratings;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** 50 users with 1..30 ratings each, times random. */
  private static Ratings sample() {
    SplittableRandom random = new SplittableRandom(4);
    int n = 0;
    int[] u = new int[50 * 30];
    int[] i = new int[u.length];
    float[] v = new float[u.length];
    long[] t = new long[u.length];
    for (int user = 0; user < 50; user++) {
      int degree = 1 + user % 30;
      for (int d = 0; d < degree; d++) {
        u[n] = user;
        i[n] = d;
        v[n] = 1 + random.nextInt(5);
        t[n] = random.nextInt(1_000_000);
        n++;
      }
    }
    return new Ratings(50, 30, java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n),
        java.util.Arrays.copyOf(v, n), java.util.Arrays.copyOf(t, n));
  }

  @Test
  void trainAndTestAreDisjointAndCoverTheInput() {
    Ratings r = sample();
    for (int[] test : new int[][] {Splits.random(r, 0.2, 1), Splits.leaveKOut(r, 2, 1),
        Splits.temporal(r, 0.25)}) {
      int[] train = r.complement(test);
      Set<Integer> seen = new HashSet<>();
      for (int p : test) {
        assertTrue(seen.add(p));
      }
      for (int p : train) {
        assertTrue(seen.add(p), "position " + p + " in both");
      }
      assertEquals(r.size(), seen.size());
    }
  }

  @Test
  void kFoldsPartitionTheRatingsInNearlyEqualParts() {
    Ratings r = sample();
    int[][] folds = Splits.kFold(r, 4, 9);
    Set<Integer> seen = new HashSet<>();
    for (int[] fold : folds) {
      assertTrue(Math.abs(fold.length - r.size() / 4.0) <= 1);
      for (int p : fold) {
        assertTrue(seen.add(p), "position " + p + " in two folds");
      }
    }
    assertEquals(r.size(), seen.size());
    assertArrayEquals(folds[2], Splits.kFold(r, 4, 9)[2], "reproducible from the seed");
  }

  @Test
  void leaveKOutTakesKFromEveryUserWithMore() {
    Ratings r = sample();
    int[] test = Splits.leaveKOut(r, 3, 2);
    int[] perUser = new int[50];
    for (int p : test) {
      perUser[r.user(p)]++;
    }
    for (int user = 0; user < 50; user++) {
      int degree = 1 + user % 30;
      assertEquals(degree > 3 ? 3 : 0, perUser[user], "user " + user);
    }
  }

  @Test
  void temporalHoldsOutEachUsersLatestRatings() {
    Ratings r = sample();
    int[] test = Splits.temporal(r, 0.3);
    Set<Integer> held = new HashSet<>();
    for (int p : test) {
      held.add(p);
    }
    for (int p : test) {
      for (int q = 0; q < r.size(); q++) {
        if (r.user(q) == r.user(p) && !held.contains(q)) {
          assertTrue(r.time(q) <= r.time(p), "a training rating after a test rating of its user");
        }
      }
    }
    Ratings noTimes = new Ratings(1, 1, new int[1], new int[1], new float[1]);
    assertEquals("a temporal split needs timestamps, and these ratings have none",
        assertThrows(IllegalArgumentException.class, () -> Splits.temporal(noTimes, 0.1))
            .getMessage());
  }
}
