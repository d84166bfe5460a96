package io.als4j.tools;

import io.als4j.data.CompressedRows;
import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;

/**
 * Rating triples with dense indices held in parallel primitive arrays: what the command line
 * loads or generates before it splits and trains. Bounded to 2³¹ ratings by the arrays; the
 * engine's {@link RatingMatrix} itself is not.
 */
public final class Ratings {
  private final int numUsers;
  private final int numItems;
  private final int[] users;
  private final int[] items;
  private final float[] values;
  private final long[] times;

  public Ratings(int numUsers, int numItems, int[] users, int[] items, float[] values) {
    this(numUsers, numItems, users, items, values, null);
  }

  /** With a timestamp per rating ({@code times} may be null). */
  public Ratings(
      int numUsers, int numItems, int[] users, int[] items, float[] values, long[] times) {
    if (users.length != items.length || users.length != values.length) {
      throw new IllegalArgumentException(
          "array lengths differ: users=" + users.length + " items=" + items.length
              + " ratings=" + values.length);
    }
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.users = users;
    this.items = items;
    this.values = values;
    this.times = times;
    if (times != null && times.length != users.length) {
      throw new IllegalArgumentException(
          "array lengths differ: ratings=" + users.length + " times=" + times.length);
    }
  }

  public boolean hasTimes() {
    return times != null;
  }

  /** The timestamp of rating {@code t}. */
  public long time(int t) {
    if (times == null) {
      throw new IllegalStateException("these ratings have no timestamps");
    }
    return times[t];
  }

  public int numUsers() {
    return numUsers;
  }

  public int numItems() {
    return numItems;
  }

  public int size() {
    return users.length;
  }

  public int user(int t) {
    return users[t];
  }

  public int item(int t) {
    return items[t];
  }

  public float value(int t) {
    return values[t];
  }

  /** The ratings of a matrix, user by user. */
  public static Ratings fromMatrix(RatingMatrix m) {
    CompressedRows rows = m.byUser();
    int n = Math.toIntExact(m.numRatings());
    int[] users = new int[n];
    int[] items = new int[n];
    float[] values = new float[n];
    long[] times = rows.hasTimes() ? new long[n] : null;
    for (int u = 0; u < rows.rows(); u++) {
      for (long pos = rows.start(u); pos < rows.end(u); pos++) {
        users[(int) pos] = u;
        items[(int) pos] = rows.index(pos);
        values[(int) pos] = rows.value(pos);
        if (times != null) {
          times[(int) pos] = rows.time(pos);
        }
      }
    }
    return new Ratings(m.numUsers(), m.numItems(), users, items, values, times);
  }

  /** The ratings at the given positions, with the same dimensions. */
  public Ratings select(int[] positions) {
    int[] u = new int[positions.length];
    int[] i = new int[positions.length];
    float[] v = new float[positions.length];
    long[] tm = times == null ? null : new long[positions.length];
    for (int p = 0; p < positions.length; p++) {
      u[p] = users[positions[p]];
      i[p] = items[positions[p]];
      v[p] = values[positions[p]];
      if (tm != null) {
        tm[p] = times[positions[p]];
      }
    }
    return new Ratings(numUsers, numItems, u, i, v, tm);
  }

  /** An off-heap matrix of these ratings (with their timestamps); rejects duplicates. */
  public RatingMatrix toMatrix() {
    if (times == null) {
      return RatingMatrixBuilder.fromArrays(numUsers, numItems, users, items, values);
    }
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(
        numUsers, numItems, true, io.als4j.data.DuplicatePolicy.ERROR, users.length)) {
      for (int t = 0; t < users.length; t++) {
        b.add(users[t], items[t], values[t], times[t]);
      }
      return b.build();
    }
  }

  /** All positions except those in {@code held} (sorted ascending). */
  public int[] complement(int[] held) {
    int[] rest = new int[size() - held.length];
    for (int t = 0, h = 0, at = 0; t < size(); t++) {
      if (h < held.length && held[h] == t) {
        h++;
      } else {
        rest[at++] = t;
      }
    }
    return rest;
  }

  /** Smallest and largest rating, {@code {min, max}}; {@code {NaN, NaN}} when empty. */
  public double[] range() {
    double min = Double.NaN;
    double max = Double.NaN;
    for (float v : values) {
      if (!(v >= min)) {
        min = v;
      }
      if (!(v <= max)) {
        max = v;
      }
    }
    return new double[] {min, max};
  }
}
