package io.als4j.data;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * One orientation of a sparse rating matrix in compressed-row form, off-heap: for row r, the
 * entries at positions {@code start(r) <= pos < end(r)} hold a column index and a rating, sorted by
 * column. Offsets are 64-bit, so more than 2³¹ ratings are representable; a single row holds fewer
 * than 2³¹ (it has at most one entry per column).
 *
 * <p>Memory: 8 bytes per row (offsets) + 4 bytes per rating (index) + 4 bytes per rating (value).
 * Immutable after construction and safe for concurrent readers. Owned and freed by its {@link
 * RatingMatrix}.
 */
public final class CompressedRows {
  private final int rows;
  private final int columns;
  private final long entries;
  private final BytesStore<?, Void> offsets;
  private final BytesStore<?, Void> indices;
  private final BytesStore<?, Void> values;

  CompressedRows(
      int rows,
      int columns,
      long entries,
      BytesStore<?, Void> offsets,
      BytesStore<?, Void> indices,
      BytesStore<?, Void> values) {
    this.rows = rows;
    this.columns = columns;
    this.entries = entries;
    this.offsets = offsets;
    this.indices = indices;
    this.values = values;
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
    return offsets.readLong((long) row << 3);
  }

  /** One past the position of row {@code row}'s last entry. */
  public long end(int row) {
    return offsets.readLong((long) (row + 1) << 3);
  }

  /** Number of entries in row {@code row}. */
  public int degree(int row) {
    return (int) (end(row) - start(row));
  }

  /** The column index at position {@code pos}. */
  public int index(long pos) {
    return indices.readInt(pos << 2);
  }

  /** The rating at position {@code pos}. */
  public float value(long pos) {
    return values.readFloat(pos << 2);
  }

  /** Bytes of off-heap memory this orientation holds. */
  public long offHeapBytes() {
    return offsets.capacity() + indices.capacity() + values.capacity();
  }

  BytesStore<?, Void> indicesStore() {
    return indices;
  }

  BytesStore<?, Void> valuesStore() {
    return values;
  }

  void release() {
    offsets.releaseLast();
    indices.releaseLast();
    values.releaseLast();
  }
}
