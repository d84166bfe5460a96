package io.als4j.testing;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import java.util.SplittableRandom;

/** Random sparse rating matrices for tests, as parallel arrays plus the built matrix. */
public final class RandomRatings {
  public final int numUsers;
  public final int numItems;
  public final int[] users;
  public final int[] items;
  public final float[] ratings;

  private RandomRatings(int numUsers, int numItems, int[] users, int[] items, float[] ratings) {
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.users = users;
    this.items = items;
    this.ratings = ratings;
  }

  /**
   * Each (user, item) pair is rated with probability {@code density}, ratings uniform in [1, 5];
   * pairs are visited in a shuffled order so the builder sees unsorted input.
   */
  public static RandomRatings uniform(int numUsers, int numItems, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int cells = numUsers * numItems;
    int[] order = new int[cells];
    for (int c = 0; c < cells; c++) {
      order[c] = c;
    }
    for (int c = cells - 1; c > 0; c--) {
      int o = random.nextInt(c + 1);
      int t = order[c];
      order[c] = order[o];
      order[o] = t;
    }
    int n = 0;
    int[] u = new int[cells];
    int[] i = new int[cells];
    float[] r = new float[cells];
    for (int c : order) {
      if (random.nextDouble() < density) {
        u[n] = c / numItems;
        i[n] = c % numItems;
        r[n] = (float) (1 + 4 * random.nextDouble());
        n++;
      }
    }
    return new RandomRatings(
        numUsers,
        numItems,
        java.util.Arrays.copyOf(u, n),
        java.util.Arrays.copyOf(i, n),
        java.util.Arrays.copyOf(r, n));
  }

  public int size() {
    return users.length;
  }

  public RatingMatrix toMatrix() {
    return RatingMatrixBuilder.fromArrays(numUsers, numItems, users, items, ratings);
  }
}
