package io.als4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Every buffer is allocated without zeroing ({@code lazyNativeBytesStoreWithFixedCapacity}):
 * each byte is written before it is read, and zero-filling them took a fifth of a 20M-rating import.
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
  /** Triples of other builders taken over by {@link #concatenate}, in order, before {@link #triples}. */
  private final List<Segment> absorbed = new ArrayList<>();
  /** This builder's own triples, appended after the absorbed ones. */
  private BytesStore<?, Void> triples;
  private long ownCount;
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
    this(numUsers, numItems, timestamps, policy, INITIAL_TRIPLES);
  }

  /**
   * As {@link #RatingMatrixBuilder(int, int, boolean, DuplicatePolicy)}, with room for {@code
   * expectedRatings} before the buffer first grows. An over-estimate is cheap: the buffer is not
   * zeroed, so pages never written are never touched.
   */
  public RatingMatrixBuilder(
      int numUsers, int numItems, boolean timestamps, DuplicatePolicy policy,
      long expectedRatings) {
    if (numUsers < -1 || numItems < -1) {
      throw new IllegalArgumentException(
          "dimensions: " + numUsers + " × " + numItems + " (expected: >= 0, or -1 to infer)");
    }
    this.declaredUsers = numUsers;
    this.declaredItems = numItems;
    this.withTimes = timestamps;
    this.policy = policy;
    this.tripleBytes = timestamps ? 20 : 12;
    this.triples = BytesStore.lazyNativeBytesStoreWithFixedCapacity(
        Math.max(INITIAL_TRIPLES, expectedRatings) * tripleBytes);
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
    long at = ownCount * tripleBytes;
    if (at + tripleBytes > triples.capacity()) {
      grow();
    }
    triples.writeInt(at, user);
    triples.writeInt(at + 4, item);
    triples.writeFloat(at + 8, rating);
    if (withTimes) {
      triples.writeLong(at + 12, time);
    }
    ownCount++;
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
    long used = ownCount * tripleBytes;
    BytesStore<?, Void> bigger = BytesStore.lazyNativeBytesStoreWithFixedCapacity(2 * triples.capacity());
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
      this.indices = BytesStore.lazyNativeBytesStoreWithFixedCapacity(Math.max(4 * n, 8));
      this.values = BytesStore.lazyNativeBytesStoreWithFixedCapacity(Math.max(4 * n, 8));
      this.times = withTimes ? BytesStore.lazyNativeBytesStoreWithFixedCapacity(Math.max(8 * n, 8)) : null;
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
      BytesStore<?, Void> offsets = BytesStore.lazyNativeBytesStoreWithFixedCapacity(8L * (rows + 1));
      for (int r = 0; r <= rows; r++) {
        offsets.writeLong((long) r << 3, start[r]);
      }
      return new CompressedRows(
          rows, columns, n, offsets, 0, indices, 0, values, 0, keepTimes ? times : null, 0, true);
    }
  }

  /**
   * A run of triples in one buffer, read through optional index translations: the triples of a
   * builder filled with its own local indices (one chunk of a file parsed on its own core), mapped
   * to the indices of the whole.
   */
  private static final class Segment {
    final BytesStore<?, Void> store;
    final long count;
    final int[] users;
    final int[] items;

    Segment(BytesStore<?, Void> store, long count, int[] users, int[] items) {
      this.store = store;
      this.count = count;
      this.users = users;
      this.items = items;
    }

    int user(long at) {
      int u = store.readInt(at);
      return users == null ? u : users[u];
    }

    int item(long at) {
      int i = store.readInt(at + 4);
      return items == null ? i : items[i];
    }
  }

  private List<Segment> segments() {
    List<Segment> all = new ArrayList<>(absorbed);
    all.add(new Segment(triples, ownCount, null, null));
    return all;
  }

  /**
   * One builder holding the triples of {@code parts}, in order, without copying them: part p's
   * user index u stands for {@code userMaps.get(p)[u]} and its item index i for {@code
   * itemMaps.get(p)[i]} (a null map: the identity). This is how chunks of one file, parsed on
   * separate cores with their own id dictionaries, become one matrix. A part may itself be a
   * concatenation. The parts are emptied (their buffers now belong to the result) and must all
   * have the same dimensions, timestamps and duplicate policy.
   *
   * @throws InvalidRatingException if a mapped index is negative or beyond a declared dimension
   */
  public static RatingMatrixBuilder concatenate(
      List<RatingMatrixBuilder> parts, List<int[]> userMaps, List<int[]> itemMaps) {
    if (parts.isEmpty() || userMaps.size() != parts.size() || itemMaps.size() != parts.size()) {
      throw new IllegalArgumentException(
          parts.size() + " parts, " + userMaps.size() + " user maps, " + itemMaps.size()
              + " item maps (expected: at least one part and one map of each per part)");
    }
    RatingMatrixBuilder first = parts.get(0);
    RatingMatrixBuilder whole = new RatingMatrixBuilder(
        first.declaredUsers, first.declaredItems, first.withTimes, first.policy, 0);
    int lastUser = -1;
    for (int p = 0; p < parts.size(); p++) {
      RatingMatrixBuilder part = parts.get(p);
      part.ensureOpen();
      if (part.withTimes != whole.withTimes || part.policy != whole.policy
          || part.declaredUsers != whole.declaredUsers
          || part.declaredItems != whole.declaredItems) {
        throw new IllegalArgumentException(
            "part " + p + " differs from part 0 in dimensions, timestamps or duplicate policy");
      }
      int[] users = userMaps.get(p);
      int[] items = itemMaps.get(p);
      int maxUser = whole.checkMap(users, part.maxUser, whole.declaredUsers, "user", p);
      int maxItem = whole.checkMap(items, part.maxItem, whole.declaredItems, "item", p);
      // Grouped stays true only if the part was grouped, its map keeps its users' order, and each
      // run of triples starts at or after the previous one's last user.
      whole.groupedByUser &= part.groupedByUser && ascending(users, part.maxUser);
      for (Segment seg : part.segments()) {
        Segment mapped =
            new Segment(seg.store, seg.count, compose(seg.users, users), compose(seg.items, items));
        if (seg.count > 0) {
          whole.groupedByUser &= mapped.user(0) >= lastUser;
          lastUser = mapped.user((seg.count - 1) * part.tripleBytes);
        }
        whole.absorbed.add(mapped);
      }
      whole.maxUser = Math.max(whole.maxUser, maxUser);
      whole.maxItem = Math.max(whole.maxItem, maxItem);
      whole.count += part.count;
      part.absorbed.clear();
      part.triples = null;
    }
    return whole;
  }

  /** Checks a part's index map and returns the largest index it maps to (-1 if none). */
  private int checkMap(int[] map, int localMax, int declared, String what, int part) {
    if (map == null) {
      return localMax;
    }
    if (localMax >= map.length) {
      throw new IllegalArgumentException(
          "part " + part + " has " + what + " index " + localMax + " but its map only "
              + map.length + " entries");
    }
    int max = -1;
    for (int local = 0; local <= localMax; local++) {
      int global = map[local];
      if (global < 0 || (declared >= 0 && global >= declared)) {
        throw new InvalidRatingException(
            "part " + part + ": " + what + " " + local + " maps to " + global + " (expected: 0.."
                + (declared >= 0 ? declared - 1 : Integer.MAX_VALUE) + ")");
      }
      max = Math.max(max, global);
    }
    return max;
  }

  /** {@code outer} after {@code inner} (null: the identity). */
  private static int[] compose(int[] inner, int[] outer) {
    if (inner == null || outer == null) {
      return inner == null ? outer : inner;
    }
    int[] both = new int[inner.length];
    for (int i = 0; i < inner.length; i++) {
      both[i] = outer[inner[i]];
    }
    return both;
  }

  private static boolean ascending(int[] map, int localMax) {
    if (map == null) {
      return true;
    }
    for (int local = 1; local <= localMax; local++) {
      if (map[local] < map[local - 1]) {
        return false;
      }
    }
    return true;
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
    final List<Segment> segments = segments();
    final int tasks = (int) Math.min(PARALLELISM, Math.max(1, n / minEntriesPerTask));
    final long[][] userCounts = new long[tasks][];
    final long[][] itemCounts = new long[tasks][];
    runParallel(tasks, task -> {
      long[] u = userCounts[task] = new long[users + 1];
      long[] i = itemCounts[task] = new long[items + 1];
      forEachShare(segments, task, tasks, (seg, from, to, pos) -> {
        for (long at = from * tripleBytes, end = to * tripleBytes; at < end; at += tripleBytes) {
          u[seg.user(at) + 1]++;
          i[seg.item(at) + 1]++;
        }
      });
    });
    final long[] userStart = sum(userCounts);
    final long[] itemStart = sum(itemCounts);
    prefixSum(userStart);
    prefixSum(itemStart);

    Orientation byItem = null;
    Orientation byUser = null;
    try {
      if (groupedByUser) {
        // Users arrive grouped and ascending (MovieLens files are): the rows are the input in
        // order, copied by each task at its share's place; only the items within each row may
        // need sorting, which stays in cache.
        Orientation rows = byUser = new Orientation(userStart, n, withTimes);
        runParallel(tasks, task -> forEachShare(segments, task, tasks, (seg, from, to, pos) -> {
          for (long at = from * tripleBytes, end = to * tripleBytes; at < end;
              at += tripleBytes, pos++) {
            rows.put(pos, seg.item(at), seg.store.readFloat(at + 8));
            if (withTimes) {
              rows.times.writeLong(pos << 3, seg.store.readLong(at + 12));
            }
          }
        }));
        freeTriples();
        boolean pairsRepeat = sortRowsByColumn(byUser, users);
        byItem = new Orientation(itemStart, n, false);
        return finish(byUser, byItem, users, items, pairsRepeat);
      }
      // Pass 1: triples → by item (input order within an item).
      byItem = new Orientation(itemStart, n, withTimes);
      long[] cursor = itemStart.clone();
      for (Segment seg : segments) {
        for (long t = 0, at = 0; t < seg.count; t++, at += tripleBytes) {
          long pos = cursor[seg.item(at)]++;
          byItem.put(pos, seg.user(at), seg.store.readFloat(at + 8));
          if (withTimes) {
            byItem.times.writeLong(pos << 3, seg.store.readLong(at + 12));
          }
        }
      }
      freeTriples();

      // Pass 2: by item → by user; items ascend within each user, and the ratings of a pair given
      // twice are adjacent, in input order.
      byUser = new Orientation(userStart, n, withTimes);
      transpose(byItem, items, byUser, userStart.clone(), withTimes);
      byItem.releaseTimes();
      return finish(byUser, byItem, users, items, true);
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
  private RatingMatrix finish(
      Orientation byUser, Orientation byItem, int users, int items, boolean pairsMayRepeat) {
    duplicates = pairsMayRepeat ? mergeDuplicates(byUser, users) : 0;
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
  private static boolean sortRowsByColumn(Orientation rows, int count) {
    final int tasks = (int) Math.min(PARALLELISM, Math.max(1, rows.start[count] / minEntriesPerTask));
    final boolean[] repeats = new boolean[tasks];
    runParallel(tasks, task -> repeats[task] =
        sortRows(rows, count * (long) task / tasks, count * (long) (task + 1) / tasks));
    for (boolean r : repeats) {
      if (r) {
        return true;
      }
    }
    return false;
  }

  /** Sorts rows {@code [fromRow, toRow)}; returns whether some row holds a column twice. */
  private static boolean sortRows(Orientation rows, long fromRow, long toRow) {
    long[] keys = new long[64];
    float[] values = new float[64];
    long[] times = rows.times == null ? null : new long[64];
    boolean repeats = false;
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
        repeats |= i > 0 && keys[i] >>> 32 == keys[i - 1] >>> 32;
      }
    }
    return repeats;
  }

  /** What a task does with its share of the triples: positions [from, to) of one segment. */
  @FunctionalInterface
  private interface TripleRun {
    /** @param pos the position in the whole input of the segment's triple {@code from} */
    void accept(Segment seg, long from, long to, long pos);
  }

  /** Hands task {@code task} of {@code tasks} its equal share of the input, segment by segment. */
  private void forEachShare(List<Segment> segments, int task, int tasks, TripleRun run) {
    long lo = count * task / tasks;
    long hi = count * (task + 1) / tasks;
    long segmentStart = 0;
    for (Segment seg : segments) {
      long from = Math.max(lo, segmentStart);
      long to = Math.min(hi, segmentStart + seg.count);
      if (from < to) {
        run.accept(seg, from - segmentStart, to - segmentStart, from);
      }
      segmentStart += seg.count;
    }
  }

  private static long[] sum(long[][] parts) {
    long[] total = parts[0];
    for (int p = 1; p < parts.length; p++) {
      for (int i = 0; i < total.length; i++) {
        total[i] += parts[p][i];
      }
    }
    return total;
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
    for (Segment seg : absorbed) {
      seg.store.releaseLast();
    }
    absorbed.clear();
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
    try (RatingMatrixBuilder builder = new RatingMatrixBuilder(
        numUsers, numItems, false, DuplicatePolicy.ERROR, users.length)) {
      for (int t = 0; t < users.length; t++) {
        builder.add(users[t], items[t], ratings[t]);
      }
      return builder.build();
    }
  }
}
