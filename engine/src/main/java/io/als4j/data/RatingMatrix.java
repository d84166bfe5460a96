package io.als4j.data;

/**
 * A sparse user × item rating matrix held twice off-heap: by user (CSR) for the user half-sweep and
 * by item (CSC) for the item half-sweep. Build one with {@link RatingMatrixBuilder}. Close it to free
 * its memory; reading a closed matrix is an error.
 */
public final class RatingMatrix implements AutoCloseable {
  private final CompressedRows byUser;
  private final CompressedRows byItem;
  private final AutoCloseable mapping;
  private boolean closed;

  RatingMatrix(CompressedRows byUser, CompressedRows byItem) {
    this(byUser, byItem, null);
  }

  /** A matrix whose rows are windows of a mapped file, which closing the matrix unmaps. */
  RatingMatrix(CompressedRows byUser, CompressedRows byItem, AutoCloseable mapping) {
    this.byUser = byUser;
    this.byItem = byItem;
    this.mapping = mapping;
  }

  public int numUsers() {
    return byUser.rows();
  }

  public int numItems() {
    return byItem.rows();
  }

  public long numRatings() {
    return byUser.entries();
  }

  /** Ratings grouped by user: rows are users, indices are items (CSR). */
  public CompressedRows byUser() {
    ensureOpen();
    return byUser;
  }

  /** Ratings grouped by item: rows are items, indices are users (CSC). */
  public CompressedRows byItem() {
    ensureOpen();
    return byItem;
  }

  /** Off-heap bytes held by both orientations. */
  public long offHeapBytes() {
    return byUser.offHeapBytes() + byItem.offHeapBytes();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this RatingMatrix is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      byUser.release();
      byItem.release();
      if (mapping != null) {
        try {
          mapping.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot unmap the dataset file: " + e, e);
        }
      }
    }
  }
}
