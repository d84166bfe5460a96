package io.als4j.data;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * Collects (user, item, rating) triples and builds a {@link RatingMatrix}.
 *
 * <p>Triples are appended to an off-heap buffer (12 bytes each, no object per rating), so inputs of
 * more than 2³¹ ratings fit. {@link #build()} then sorts them in O(nnz) with counting sorts: triples
 * → by item, which yields rows by user with items in ascending order (where duplicate pairs sit side
 * by side and are found in one scan) → by item again, now with users in ascending order. Peak memory
 * during the build is 12 + 8 + 8 bytes per rating.
 *
 * <p>Rejected with an {@link InvalidRatingException} that names the triple: a negative index, an
 * index at or beyond a declared dimension, a rating that is NaN or infinite, and (at build time) a
 * (user, item) pair rated twice.
 */
public final class RatingMatrixBuilder implements AutoCloseable {
  private static final int TRIPLE_BYTES = 12;
  private static final long INITIAL_TRIPLES = 1 << 14;

  private final int declaredUsers;
  private final int declaredItems;
  private BytesStore<?, Void> triples;
  private long count;
  private int maxUser = -1;
  private int maxItem = -1;

  /** A builder whose dimensions are one past the largest user and item index added. */
  public RatingMatrixBuilder() {
    this(-1, -1);
  }

  /**
   * A builder with fixed dimensions: indices must be below them, and users or items that have no
   * rating still get a (empty) row.
   */
  public RatingMatrixBuilder(int numUsers, int numItems) {
    if (numUsers < -1 || numItems < -1) {
      throw new IllegalArgumentException(
          "dimensions: " + numUsers + " × " + numItems + " (expected: >= 0, or -1 to infer)");
    }
    this.declaredUsers = numUsers;
    this.declaredItems = numItems;
    this.triples = BytesStore.nativeStoreWithFixedCapacity(INITIAL_TRIPLES * TRIPLE_BYTES);
  }

  /** Number of triples added so far. */
  public long size() {
    return count;
  }

  /**
   * Adds one rating.
   *
   * @throws InvalidRatingException for a negative or out-of-range index or a non-finite rating
   */
  public RatingMatrixBuilder add(int user, int item, float rating) {
    ensureOpen();
    if (user < 0 || item < 0 || !Float.isFinite(rating)
        || (declaredUsers >= 0 && user >= declaredUsers)
        || (declaredItems >= 0 && item >= declaredItems)) {
      throw invalid(user, item, rating);
    }
    long at = count * TRIPLE_BYTES;
    if (at + TRIPLE_BYTES > triples.capacity()) {
      grow();
    }
    triples.writeInt(at, user);
    triples.writeInt(at + 4, item);
    triples.writeFloat(at + 8, rating);
    count++;
    if (user > maxUser) {
      maxUser = user;
    }
    if (item > maxItem) {
      maxItem = item;
    }
    return this;
  }

  /**
   * Doubles the triple buffer. Done here rather than with Chronicle's elastic bytes, which log
   * every resize at INFO.
   */
  private void grow() {
    long used = count * TRIPLE_BYTES;
    BytesStore<?, Void> bigger = BytesStore.nativeStoreWithFixedCapacity(2 * triples.capacity());
    bigger.write(0, triples, 0, used);
    triples.releaseLast();
    triples = bigger;
  }

  private InvalidRatingException invalid(int user, int item, float rating) {
    String problem;
    if (user < 0) {
      problem = "negative user index";
    } else if (item < 0) {
      problem = "negative item index";
    } else if (!Float.isFinite(rating)) {
      problem = "rating is not a finite number";
    } else if (declaredUsers >= 0 && user >= declaredUsers) {
      problem = "user index out of range (expected: < " + declaredUsers + ")";
    } else {
      problem = "item index out of range (expected: < " + declaredItems + ")";
    }
    return new InvalidRatingException(
        "rating #" + (count + 1) + " (user " + user + ", item " + item + ", rating " + rating
            + "): " + problem);
  }

  /**
   * Sorts the triples into both orientations and frees the triple buffer. The builder cannot be
   * used afterwards.
   *
   * @throws InvalidRatingException if a (user, item) pair was added twice
   */
  public RatingMatrix build() {
    ensureOpen();
    final int users = declaredUsers >= 0 ? declaredUsers : maxUser + 1;
    final int items = declaredItems >= 0 ? declaredItems : maxItem + 1;
    final long n = count;
    final long[] userStart = new long[users + 1];
    final long[] itemStart = new long[items + 1];
    for (long t = 0, at = 0; t < n; t++, at += TRIPLE_BYTES) {
      userStart[triples.readInt(at) + 1]++;
      itemStart[triples.readInt(at + 4) + 1]++;
    }
    prefixSum(userStart);
    prefixSum(itemStart);

    CompressedRows byItem = null;
    CompressedRows byUser = null;
    try {
      // Pass 1: triples → by item (users in input order within an item).
      byItem = allocate(items, users, n, itemStart);
      long[] cursor = itemStart.clone();
      for (long t = 0, at = 0; t < n; t++, at += TRIPLE_BYTES) {
        long pos = cursor[triples.readInt(at + 4)]++;
        writeEntry(byItem, pos, triples.readInt(at), triples.readFloat(at + 8));
      }
      freeTriples();

      // Pass 2: by item → by user; items now ascend within each user, so duplicates are adjacent.
      byUser = allocate(users, items, n, userStart);
      transpose(byItem, byUser, userStart.clone());
      rejectDuplicates(byUser);

      // Pass 3: by user → by item again, so users ascend within each item.
      transpose(byUser, byItem, itemStart.clone());
      return new RatingMatrix(byUser, byItem);
    } catch (RuntimeException | Error e) {
      if (byItem != null) {
        byItem.release();
      }
      if (byUser != null) {
        byUser.release();
      }
      throw e;
    }
  }

  private static void prefixSum(long[] counts) {
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
  }

  private static CompressedRows allocate(int rows, int columns, long n, long[] start) {
    BytesStore<?, Void> offsets = BytesStore.nativeStoreWithFixedCapacity(8L * (rows + 1));
    BytesStore<?, Void> indices = BytesStore.nativeStoreWithFixedCapacity(Math.max(4L * n, 8));
    BytesStore<?, Void> values = BytesStore.nativeStoreWithFixedCapacity(Math.max(4L * n, 8));
    for (int r = 0; r <= rows; r++) {
      offsets.writeLong((long) r << 3, start[r]);
    }
    return new CompressedRows(rows, columns, n, offsets, indices, values);
  }

  private static void writeEntry(CompressedRows rows, long pos, int index, float value) {
    rows.indicesStore().writeInt(pos << 2, index);
    rows.valuesStore().writeFloat(pos << 2, value);
  }

  private static void transpose(CompressedRows from, CompressedRows to, long[] cursor) {
    for (int r = 0; r < from.rows(); r++) {
      for (long pos = from.start(r), end = from.end(r); pos < end; pos++) {
        writeEntry(to, cursor[from.index(pos)]++, r, from.value(pos));
      }
    }
  }

  private static void rejectDuplicates(CompressedRows byUser) {
    for (int u = 0; u < byUser.rows(); u++) {
      long end = byUser.end(u);
      for (long pos = byUser.start(u) + 1; pos < end; pos++) {
        if (byUser.index(pos) == byUser.index(pos - 1)) {
          throw new DuplicateRatingException(
              u, byUser.index(pos), byUser.value(pos - 1), byUser.value(pos));
        }
      }
    }
  }

  private void ensureOpen() {
    if (triples == null) {
      throw new IllegalStateException("this RatingMatrixBuilder was already built or closed");
    }
  }

  private void freeTriples() {
    if (triples != null) {
      triples.releaseLast();
      triples = null;
    }
  }

  /** Frees the triple buffer if {@link #build()} was not called. */
  @Override
  public void close() {
    freeTriples();
  }

  /** Convenience for small in-memory inputs: builds from parallel arrays. */
  public static RatingMatrix fromArrays(
      int numUsers, int numItems, int[] users, int[] items, float[] ratings) {
    if (users.length != items.length || users.length != ratings.length) {
      throw new IllegalArgumentException(
          "array lengths differ: users=" + users.length + " items=" + items.length
              + " ratings=" + ratings.length);
    }
    try (RatingMatrixBuilder builder = new RatingMatrixBuilder(numUsers, numItems)) {
      for (int t = 0; t < users.length; t++) {
        builder.add(users[t], items[t], ratings[t]);
      }
      return builder.build();
    }
  }
}
