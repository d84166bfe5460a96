package io.als4j.train;

import io.als4j.data.CompressedRows;

/**
 * One worker's buffer of a row's entries (column indices and ratings), copied from the off-heap
 * store a chunk at a time ({@link CompressedRows#copyEntries}), so that the gather loops read two
 * plain arrays. Fixed size, allocated once per worker: a row with more entries is read in several
 * chunks.
 */
final class RowEntries {
  /** Entries per chunk: 8 KB of the two arrays, which stay in L1 beside the gathered block. */
  static final int CHUNK = 1024;

  private final int[] columns = new int[CHUNK];
  private final float[] ratings = new float[CHUNK];

  /**
   * Copies the entries from position {@code from}, at most {@link #CHUNK} of them and none at or
   * past {@code end}.
   *
   * @return how many were copied
   */
  int fill(CompressedRows rows, long from, long end) {
    final int count = (int) Math.min(CHUNK, end - from);
    rows.copyEntries(from, count, columns, ratings);
    return count;
  }

  int[] columns() {
    return columns;
  }

  float[] ratings() {
    return ratings;
  }
}
