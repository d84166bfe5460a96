package io.als4j.data;

import static net.openhft.chronicle.core.UnsafeMemory.MEMORY;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * One orientation of a sparse rating matrix in compressed-row form, off-heap: for row r, the
 * entries at positions {@code start(r) <= pos < end(r)} hold a column index and a rating, sorted by
 * column, and optionally a timestamp. Offsets are 64-bit, so more than 2³¹ ratings are
 * representable; a single row holds fewer than 2³¹ (it has at most one entry per column).
 *
 * <p>Memory: 8 bytes per row (offsets) + 4 bytes per rating (index) + 4 bytes per rating (value),
 * + 8 per rating with timestamps. Each array is a window of a Chronicle store: memory this object
 * owns (built in memory), or a read-only mapping of a dataset file (opened from disk, never
 * copied). Immutable and safe for concurrent readers. Owned and freed by its {@link RatingMatrix}.
 */
public final class CompressedRows {
  private final int rows;
  private final int columns;
  private final long entries;
  private final BytesStore<?, ?> offsets;
  private final long offsetsAt;
  private final BytesStore<?, ?> indices;
  private final long indicesAt;
  private final BytesStore<?, ?> values;
  private final long valuesAt;
  private final BytesStore<?, ?> times;
  private final long timesAt;
  private final boolean owned;

  CompressedRows(
      int rows, int columns, long entries,
      BytesStore<?, ?> offsets, long offsetsAt,
      BytesStore<?, ?> indices, long indicesAt,
      BytesStore<?, ?> values, long valuesAt,
      BytesStore<?, ?> times, long timesAt,
      boolean owned) {
    this.rows = rows;
    this.columns = columns;
    this.entries = entries;
    this.offsets = offsets;
    this.offsetsAt = offsetsAt;
    this.indices = indices;
    this.indicesAt = indicesAt;
    this.values = values;
    this.valuesAt = valuesAt;
    this.times = times;
    this.timesAt = timesAt;
    this.owned = owned;
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of columns: every index is below it. */
  public int columns() {
    return columns;
  }

  /** Number of stored ratings. */
  public long entries() {
    return entries;
  }

  /** Position of row {@code row}'s first entry. */
  public long start(int row) {
    return offsets.readLong(offsetsAt + ((long) row << 3));
  }

  /** One past the position of row {@code row}'s last entry. */
  public long end(int row) {
    return offsets.readLong(offsetsAt + ((long) (row + 1) << 3));
  }

  /** Number of entries in row {@code row}. */
  public int degree(int row) {
    return (int) (end(row) - start(row));
  }

  /** The column index at position {@code pos}. */
  public int index(long pos) {
    return indices.readInt(indicesAt + (pos << 2));
  }

  /** The rating at position {@code pos}. */
  public float value(long pos) {
    return values.readFloat(valuesAt + (pos << 2));
  }

  /**
   * Copies the column indices and ratings at positions {@code from..from+count-1} to the start of
   * {@code columns} and {@code ratings}: one bulk copy per array instead of one store read per
   * entry, so that the sweeps' gather loops read plain arrays (see benchmarks/RESULTS.md, "Stop
   * 12", for what that gained).
   *
   * @throws IndexOutOfBoundsException if the positions are not all in {@code 0..entries()-1}, or
   *     an array is shorter than {@code count}
   */
  public void copyEntries(long from, int count, int[] columns, float[] ratings) {
    if (from < 0 || count < 0 || from > entries - count
        || count > columns.length || count > ratings.length) {
      throw new IndexOutOfBoundsException("entries " + from + ".." + (from + count) + " of "
          + entries + " into arrays of " + columns.length + " and " + ratings.length);
    }
    if (BULK_COPY && count <= Integer.MAX_VALUE / 4
        && indices.isDirectMemory() && values.isDirectMemory()) {
      MEMORY.copyMemory(indices.addressForRead(indicesAt + (from << 2)), columns,
          INT_ARRAY_BASE, 4 * count);
      MEMORY.copyMemory(values.addressForRead(valuesAt + (from << 2)), ratings,
          FLOAT_ARRAY_BASE, 4 * count);
      return;
    }
    for (int i = 0; i < count; i++) {
      columns[i] = index(from + i);
      ratings[i] = value(from + i);
    }
  }

  /**
   * Raw copies keep the store's byte order, which is little-endian (as Chronicle's own reads
   * assume); a big-endian platform takes the entry-by-entry path.
   */
  private static final boolean BULK_COPY = UnsafeMemory.IS_LITTLE_ENDIAN;

  private static final long INT_ARRAY_BASE = UnsafeMemory.UNSAFE.arrayBaseOffset(int[].class);
  private static final long FLOAT_ARRAY_BASE = UnsafeMemory.UNSAFE.arrayBaseOffset(float[].class);

  /** Whether entries carry timestamps. */
  public boolean hasTimes() {
    return times != null;
  }

  /**
   * The timestamp at position {@code pos} (as given to the builder, e.g. Unix seconds).
   *
   * @throws IllegalStateException if this orientation has no timestamps
   */
  public long time(long pos) {
    if (times == null) {
      throw new IllegalStateException("these ratings have no timestamps");
    }
    return times.readLong(timesAt + (pos << 3));
  }

  /** Bytes of memory this orientation holds (or maps). */
  public long offHeapBytes() {
    return 8L * (rows + 1) + 8L * entries + (times == null ? 0 : 8L * entries);
  }

  BytesStore<?, ?> indicesStore() {
    return indices;
  }

  // Where each array lives, for bulk copies (DatasetFile). Little-endian, as the store format.

  BytesStore<?, ?> offsetsStore() {
    return offsets;
  }

  long offsetsAt() {
    return offsetsAt;
  }

  long indicesAt() {
    return indicesAt;
  }

  BytesStore<?, ?> valuesStore() {
    return values;
  }

  long valuesAt() {
    return valuesAt;
  }

  BytesStore<?, ?> timesStore() {
    return times;
  }

  long timesAt() {
    return timesAt;
  }

  void release() {
    if (owned) {
      offsets.releaseLast();
      indices.releaseLast();
      values.releaseLast();
      if (times != null) {
        times.releaseLast();
      }
    }
  }
}
