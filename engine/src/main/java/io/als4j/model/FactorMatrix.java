package io.als4j.model;

import io.als4j.internal.InternalApi;

/**
 * A dense rows × rank matrix of latent factors, row-major in one {@code double[]} (row i at {@code
 * i*rank}). Doubles, because the normal equations are accumulated and solved in double and the
 * factors are their solutions; one array, because the Gram kernels copy whole rows with
 * System.arraycopy. A Java array bounds it at rows × rank < 2³¹ elements (for example 33M users at
 * rank 64).
 */
public final class FactorMatrix {
  private final int rows;
  private final int rank;
  private final double[] data;

  public FactorMatrix(int rows, int rank) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows: " + rows + " (expected: >= 0)");
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank: " + rank + " (expected: >= 1)");
    }
    if ((long) rows * rank > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "rows × rank: " + rows + " × " + rank + " = " + (long) rows * rank
              + " (expected: < 2^31, the limit of one Java array)");
    }
    this.rows = rows;
    this.rank = rank;
    this.data = new double[rows * rank];
  }

  public int rows() {
    return rows;
  }

  public int rank() {
    return rank;
  }

  /** Element (row, column). */
  public double get(int row, int column) {
    checkRow(row);
    if (column < 0 || column >= rank) {
      throw new IndexOutOfBoundsException("column: " + column + " (expected: 0.." + (rank - 1) + ")");
    }
    return data[row * rank + column];
  }

  /** Copies row {@code row} into {@code dst} from {@code offset}. */
  public void copyRow(int row, double[] dst, int offset) {
    checkRow(row);
    System.arraycopy(data, row * rank, dst, offset, rank);
  }

  /** The dot product of this matrix's row {@code row} with {@code other}'s row {@code otherRow}. */
  public double dot(int row, FactorMatrix other, int otherRow) {
    checkRow(row);
    other.checkRow(otherRow);
    if (other.rank != rank) {
      throw new IllegalArgumentException("ranks differ: " + rank + " != " + other.rank);
    }
    return dotUnchecked(data, row * rank, other.data, otherRow * rank, rank);
  }

  /** Plain dot product of two rows; callers have checked the bounds. */
  @InternalApi
  public static double dotUnchecked(double[] a, int aOffset, double[] b, int bOffset, int rank) {
    double sum = 0;
    for (int c = 0; c < rank; c++) {
      sum += a[aOffset + c] * b[bOffset + c];
    }
    return sum;
  }

  /** The backing array, row-major; the trainer writes solutions into it directly. */
  @InternalApi
  public double[] data() {
    return data;
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row: " + row + " (expected: 0.." + (rows - 1) + ")");
    }
  }
}
