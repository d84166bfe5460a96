package io.als4j.data;

import java.util.Arrays;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Collects (user, item, rating[, timestamp]) triples and builds a {@link RatingMatrix}.
 *
 * <p>Triples are appended to an off-heap buffer (12 bytes each, 20 with a timestamp; no object per
 * rating), so inputs of more than 2³¹ ratings fit. {@link #build()} then sorts them in O(nnz) with
 * counting sorts: triples → by item (input order kept within an item) → by user, where items
 * ascend within each user and the ratings of a pair given twice sit side by side in input order, so
 * one scan applies the {@link DuplicatePolicy} → by item again, users ascending. Peak memory during
 * the build is about 12 + 8 + 8 bytes per rating (+ 16 with timestamps).
 *
 * <p>Rejected with an {@link InvalidRatingException} that names the triple: a negative index, an
 * index at or beyond a declared dimension, a rating that is NaN or infinite, and (at build time,
 * under {@link DuplicatePolicy#ERROR}) a pair rated twice.
 */
public final class RatingMatrixBuilder implements AutoCloseable {
  private static final long INITIAL_TRIPLES = 1 << 14;

  private final int declaredUsers;
  private final int declaredItems;
  private final boolean withTimes;
  private final DuplicatePolicy policy;
  private final int tripleBytes;
  private BytesStore<?, Void> triples;
  private long count;
  private int maxUser = -1;
  private int maxItem = -1;
  private long duplicates;
  /** Whether users arrived in non-decreasing order, so rows can be laid out in input order. */
  private boolean groupedByUser = true;

  /** A builder whose dimensions are one past the largest user and item index added. */
  public RatingMatrixBuilder() {
    this(-1, -1);
  }

  /**
   * A builder with fixed dimensions: indices must be below them, and users or items that have no
   * rating still get a (empty) row.
   */
  public RatingMatrixBuilder(int numUsers, int numItems) {
    this(numUsers, numItems, false, DuplicatePolicy.ERROR);
  }

  /**
   * @param numUsers users, or -1 to infer from the largest index
   * @param numItems items, or -1 to infer
   * @param timestamps whether every rating carries a timestamp ({@link #add(int, int, float, long)})
   * @param policy what to do with a pair rated twice
   */
  public RatingMatrixBuilder(
      int numUsers, int numItems, boolean timestamps, DuplicatePolicy policy) {
    if (numUsers < -1 || numItems < -1) {
      throw new IllegalArgumentException(
          "dimensions: " + numUsers + " × " + numItems + " (expected: >= 0, or -1 to infer)");
    }
    this.declaredUsers = numUsers;
    this.declaredItems = numItems;
    this.withTimes = timestamps;
    this.policy = policy;
    this.tripleBytes = timestamps ? 20 : 12;
    this.triples = BytesStore.nativeStoreWithFixedCapacity(INITIAL_TRIPLES * tripleBytes);
  }

  /** Number of triples added so far. */
  public long size() {
    return count;
  }

  /** Pairs merged away by the duplicate policy in {@link #build()}. */
  public long duplicatesMerged() {
    return duplicates;
  }

  /**
   * Adds one rating.
   *
   * @throws InvalidRatingException for a negative or out-of-range index or a non-finite rating
   */
  public RatingMatrixBuilder add(int user, int item, float rating) {
    if (withTimes) {
      throw new IllegalStateException("this builder takes timestamps: use add(user, item, rating, time)");
    }
    append(user, item, rating, 0);
    return this;
  }

  /** Adds one rating with its timestamp (a builder made with timestamps = true). */
  public RatingMatrixBuilder add(int user, int item, float rating, long time) {
    if (!withTimes) {
      throw new IllegalStateException("this builder was made without timestamps");
    }
    append(user, item, rating, time);
    return this;
  }

  private void append(int user, int item, float rating, long time) {
    ensureOpen();
    if (user < 0 || item < 0 || !Float.isFinite(rating)
        || (declaredUsers >= 0 && user >= declaredUsers)
        || (declaredItems >= 0 && item >= declaredItems)) {
      throw invalid(user, item, rating);
    }
    long at = count * tripleBytes;
    if (at + tripleBytes > triples.capacity()) {
      grow();
    }
    triples.writeInt(at, user);
    triples.writeInt(at + 4, item);
    triples.writeFloat(at + 8, rating);
    if (withTimes) {
      triples.writeLong(at + 12, time);
    }
    count++;
    if (user < maxUser) {
      groupedByUser = false;
    }
    if (user > maxUser) {
      maxUser = user;
    }
    if (item > maxItem) {
      maxItem = item;
    }
  }

  /**
   * Doubles the triple buffer. Done here rather than with Chronicle's elastic bytes, which log
   * every resize at INFO.
   */
  private void grow() {
    long used = count * tripleBytes;
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

  /** One orientation (by user or by item) while it is being built: off-heap arrays and row starts. */
  private static final class Orientation {
    final long[] start;
    final BytesStore<?, Void> indices;
    final BytesStore<?, Void> values;
    final BytesStore<?, Void> times;

    Orientation(long[] start, long n, boolean withTimes) {
      this.start = start;
      this.indices = BytesStore.nativeStoreWithFixedCapacity(Math.max(4 * n, 8));
      this.values = BytesStore.nativeStoreWithFixedCapacity(Math.max(4 * n, 8));
      this.times = withTimes ? BytesStore.nativeStoreWithFixedCapacity(Math.max(8 * n, 8)) : null;
    }

    void put(long pos, int index, float value) {
      indices.writeInt(pos << 2, index);
      values.writeFloat(pos << 2, value);
    }

    void releaseTimes() {
      if (times != null) {
        times.releaseLast();
      }
    }

    void release() {
      indices.releaseLast();
      values.releaseLast();
      releaseTimes();
    }

    CompressedRows wrap(int rows, int columns, boolean keepTimes) {
      long n = start[rows];
      BytesStore<?, Void> offsets = BytesStore.nativeStoreWithFixedCapacity(8L * (rows + 1));
      for (int r = 0; r <= rows; r++) {
        offsets.writeLong((long) r << 3, start[r]);
      }
      return new CompressedRows(
          rows, columns, n, offsets, 0, indices, 0, values, 0, keepTimes ? times : null, 0, true);
    }
  }

  /**
   * Sorts the triples into both orientations and frees the triple buffer. The builder cannot be
   * used afterwards.
   *
   * @throws InvalidRatingException if a (user, item) pair was added twice under {@link
   *     DuplicatePolicy#ERROR}
   */
  public RatingMatrix build() {
    ensureOpen();
    final int users = declaredUsers >= 0 ? declaredUsers : maxUser + 1;
    final int items = declaredItems >= 0 ? declaredItems : maxItem + 1;
    final long n = count;
    final long[] userStart = new long[users + 1];
    final long[] itemStart = new long[items + 1];
    for (long t = 0, at = 0; t < n; t++, at += tripleBytes) {
      userStart[triples.readInt(at) + 1]++;
      itemStart[triples.readInt(at + 4) + 1]++;
    }
    prefixSum(userStart);
    prefixSum(itemStart);

    Orientation byItem = null;
    Orientation byUser = null;
    try {
      if (groupedByUser) {
        // Users arrive grouped and ascending (MovieLens files are): the rows are the input in
        // order; only the items within each row need sorting, which stays in cache.
        byUser = new Orientation(userStart, n, withTimes);
        for (long t = 0, at = 0; t < n; t++, at += tripleBytes) {
          byUser.put(t, triples.readInt(at + 4), triples.readFloat(at + 8));
          if (withTimes) {
            byUser.times.writeLong(t << 3, triples.readLong(at + 12));
          }
        }
        freeTriples();
        sortRowsByColumn(byUser, users);
        byItem = new Orientation(itemStart, n, false);
        return finish(byUser, byItem, users, items);
      }
      // Pass 1: triples → by item (input order within an item).
      byItem = new Orientation(itemStart, n, withTimes);
      long[] cursor = itemStart.clone();
      for (long t = 0, at = 0; t < n; t++, at += tripleBytes) {
        long pos = cursor[triples.readInt(at + 4)]++;
        byItem.put(pos, triples.readInt(at), triples.readFloat(at + 8));
        if (withTimes) {
          byItem.times.writeLong(pos << 3, triples.readLong(at + 12));
        }
      }
      freeTriples();

      // Pass 2: by item → by user; items ascend within each user, and the ratings of a pair given
      // twice are adjacent, in input order.
      byUser = new Orientation(userStart, n, withTimes);
      transpose(byItem, items, byUser, userStart.clone(), withTimes);
      byItem.releaseTimes();
      return finish(byUser, byItem, users, items);
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

  /** Merges duplicates in the by-user rows, then fills the by-item orientation from them. */
  private RatingMatrix finish(Orientation byUser, Orientation byItem, int users, int items) {
    duplicates = mergeDuplicates(byUser, users);
    long[] itemStart = byItem.start;
    if (duplicates > 0) {
      // Fewer ratings now: recount the items.
      Arrays.fill(itemStart, 0);
      for (long pos = 0; pos < byUser.start[users]; pos++) {
        itemStart[byUser.indices.readInt(pos << 2) + 1]++;
      }
      prefixSum(itemStart);
    }
    // By user → by item, users ascending within each item.
    transpose(byUser, users, byItem, itemStart.clone(), false);
    return new RatingMatrix(byUser.wrap(users, items, withTimes), byItem.wrap(items, users, false));
  }

  /**
   * Sorts each row's entries by column, stably (a pair given twice keeps its input order, which
   * {@link DuplicatePolicy#LAST} relies on). Keys are (column, position in row) packed in a long,
   * sorted in a scratch array reused across rows.
   */
  private static void sortRowsByColumn(Orientation rows, int count) {
    final int tasks = (int) Math.min(PARALLELISM, Math.max(1, rows.start[count] / minEntriesPerTask));
    runParallel(tasks, task -> sortRows(rows, count * (long) task / tasks, count * (long) (task + 1) / tasks));
  }

  private static void sortRows(Orientation rows, long fromRow, long toRow) {
    long[] keys = new long[64];
    float[] values = new float[64];
    long[] times = rows.times == null ? null : new long[64];
    for (int r = (int) fromRow; r < toRow; r++) {
      long from = rows.start[r];
      int n = (int) (rows.start[r + 1] - from);
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = rows.indices.readInt((from + i - 1) << 2) < rows.indices.readInt((from + i) << 2);
      }
      if (sorted) {
        continue;
      }
      if (keys.length < n) {
        keys = new long[Math.max(n, 2 * keys.length)];
        values = new float[keys.length];
        times = times == null ? null : new long[keys.length];
      }
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) rows.indices.readInt((from + i) << 2) << 32) | i;
        values[i] = rows.values.readFloat((from + i) << 2);
        if (times != null) {
          times[i] = rows.times.readLong((from + i) << 3);
        }
      }
      Arrays.sort(keys, 0, n);
      for (int i = 0; i < n; i++) {
        int original = (int) keys[i];
        rows.indices.writeInt((from + i) << 2, (int) (keys[i] >>> 32));
        rows.values.writeFloat((from + i) << 2, values[original]);
        if (times != null) {
          rows.times.writeLong((from + i) << 3, times[original]);
        }
      }
    }
  }

  private static void prefixSum(long[] counts) {
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
  }

  /**
   * Scatters {@code from}'s entries into {@code to}'s rows (the transpose). Each task owns a
   * contiguous range of target rows holding about an equal share of the entries: it reads every
   * source entry, sequentially, but writes only its own rows, so the random writes of a core touch
   * a fraction of the target. Rows are filled in source order either way, so the result does not
   * depend on the number of tasks.
   */
  private static void transpose(
      Orientation from, int rows, Orientation to, long[] cursor, boolean withTimes) {
    final int targets = cursor.length - 1;
    final int tasks = (int) Math.min(PARALLELISM, Math.max(1, from.start[rows] / minEntriesPerTask));
    final int[] bounds = new int[tasks + 1];
    final long total = cursor[targets];
    for (int t = 1, c = 0; t < tasks; t++) {
      while (c < targets && cursor[c] < total * t / tasks) {
        c++;
      }
      bounds[t] = c;
    }
    bounds[tasks] = targets;
    runParallel(tasks, task -> {
      final int lo = bounds[task];
      final int hi = bounds[task + 1];
      for (int r = 0; r < rows; r++) {
        for (long pos = from.start[r], end = from.start[r + 1]; pos < end; pos++) {
          int column = from.indices.readInt(pos << 2);
          if (column < lo || column >= hi) {
            continue;
          }
          long at = cursor[column]++;
          to.put(at, r, from.values.readFloat(pos << 2));
          if (withTimes) {
            to.times.writeLong(at << 3, from.times.readLong(pos << 3));
          }
        }
      }
    });
  }

  /** Threads for the build's parallel passes. */
  private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
  /** Below this many entries per task, one thread: starting tasks costs more than it saves. */
  static long minEntriesPerTask = 1 << 20;

  private static void runParallel(int tasks, java.util.function.IntConsumer body) {
    if (tasks == 1) {
      body.accept(0);
      return;
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(tasks);
    try {
      io.als4j.internal.ParallelChunks.run(pool, tasks, body);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Applies the policy to runs of equal items within each user's row, compacting the rows in place
   * and rewriting {@code byUser.start}.
   *
   * @return the number of ratings merged away
   */
  private long mergeDuplicates(Orientation byUser, int users) {
    final long[] start = byUser.start;
    long write = 0;
    long merged = 0;
    long rowStart = 0;
    for (int u = 0; u < users; u++) {
      long end = start[u + 1];
      long pos = rowStart;
      start[u] = write;
      while (pos < end) {
        int item = byUser.indices.readInt(pos << 2);
        float last = byUser.values.readFloat(pos << 2);
        double sum = last;
        long time = byUser.times == null ? 0 : byUser.times.readLong(pos << 3);
        long run = 1;
        while (pos + run < end && byUser.indices.readInt((pos + run) << 2) == item) {
          float next = byUser.values.readFloat((pos + run) << 2);
          if (policy == DuplicatePolicy.ERROR) {
            throw new DuplicateRatingException(u, item, last, next);
          }
          last = next;
          sum += next;
          if (byUser.times != null) {
            long t = byUser.times.readLong((pos + run) << 3);
            time = policy == DuplicatePolicy.LAST ? t : Math.max(time, t);
          }
          run++;
        }
        float kept = policy == DuplicatePolicy.MEAN ? (float) (sum / run) : last;
        byUser.put(write, item, kept);
        if (byUser.times != null) {
          byUser.times.writeLong(write << 3, time);
        }
        merged += run - 1;
        write++;
        pos += run;
      }
      rowStart = end;
    }
    start[users] = write;
    return merged;
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
