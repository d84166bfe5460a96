package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.kernel.GramKernel;
import io.als4j.solve.SpdSolver;
import io.als4j.solve.SpdSolvers;

/**
 * One row's normal equations (Σ vⱼvⱼᵀ + λI) x = Σ rⱼvⱼ, built one rating at a time and solved by
 * Cholesky ({@link SpdSolvers}: als4j's kernel for small K, LAPACK {@code dposv} above): the computation shared by the training half-sweeps and by fold-in, so a user
 * folded in from its training ratings gets its trained vector back.
 *
 * <p>Ratings are gathered into a block ({@link #BLOCK_ROWS} rows, so it stays in L2 whatever the
 * row's degree) and each full block handed to the Gram kernel. Each gathered row carries its rating
 * as one more column after the unknowns, so the kernel's last Gram row is Σ rⱼvⱼ: the right-hand
 * side comes out of the same SIMD pass instead of a scalar loop of dependent stores per rating.
 * One instance per worker thread; all arrays are allocated once, so solving allocates nothing. The
 * block's padding columns (past the rating column) are never written and stay zero, as the kernel
 * contract requires.
 */
final class NormalEquations implements RowSolver {
  static final int BLOCK_ROWS = 256;

  private final GramKernel kernel;
  private final int rank;
  /** rank, plus one for the bias unknown. */
  private final int dimension;
  private final boolean withBias;
  /** The gathered row's column that holds its rating: {@link #dimension}. */
  private final int ratingColumn;
  private final int stride;
  private final double[] block;
  private final double[] gram;
  private final double[] rhs;
  private final SpdSolver solver;
  private final FactorPrecision precision;
  private int pending;
  /** No block of this row has reached the Gram matrix yet: the next one overwrites it. */
  private boolean firstBlock;

  /**
   * @param withBias add a constant feature 1 to every gathered row, so the solution carries one
   *     more unknown: the row's bias (see {@link AlsConfig#biases()})
   * @param precision how the solution is stored: with {@link FactorPrecision#FLOAT} it is rounded
   *     to float, as the trainer keeps its factors
   */
  NormalEquations(
      GramKernel kernel, LAPACK lapack, int rank, boolean withBias, FactorPrecision precision) {
    this.precision = precision;
    this.kernel = kernel;
    this.rank = rank;
    this.withBias = withBias;
    this.dimension = rank + (withBias ? 1 : 0);
    this.ratingColumn = dimension;
    this.stride = kernel.blockStride(dimension + 1);
    this.block = new double[BLOCK_ROWS * stride];
    this.gram = new double[stride * stride];
    this.rhs = new double[dimension];
    this.solver = SpdSolvers.create(lapack, dimension, stride);
  }

  @Override
  public void reset() {
    pending = 0;
    firstBlock = true;
  }

  @Override
  public void add(double[] factors, int row, double rating) {
    final int dst = pending * stride;
    System.arraycopy(factors, row * rank, block, dst, rank);
    endRow(dst, rating);
  }

  @Override
  public void add(float[] factors, int row, double rating) {
    final int src = row * rank;
    final int dst = pending * stride;
    for (int c = 0; c < rank; c++) { // widening: no arraycopy for float to double
      block[dst + c] = factors[src + c];
    }
    endRow(dst, rating);
  }

  private void endRow(int dst, double rating) {
    if (withBias) {
      block[dst + rank] = 1.0;
    }
    block[dst + ratingColumn] = rating;
    if (++pending == BLOCK_ROWS) {
      flush();
    }
  }

  private void flush() {
    if (firstBlock) {
      kernel.store(block, pending, dimension + 1, stride, gram);
      firstBlock = false;
    } else {
      kernel.accumulate(block, pending, dimension + 1, stride, gram);
    }
    pending = 0;
  }

  /**
   * Adds λ to the diagonal and solves, writing x to {@code out} at {@code offset}.
   *
   * @return LAPACK's info: 0 on success, &gt; 0 if not positive definite, &lt; 0 for a bad argument
   */
  int solve(double lambda, double[] out, int offset) {
    if (pending > 0 || firstBlock) {
      flush(); // even with nothing gathered: the first store clears the last row's sums
    }
    for (int d = 0; d < dimension; d++) {
      gram[d * stride + d] += lambda;
    }
    // The rating column's Gram row: Σ rⱼ vⱼ (and Σ rⱼ for the bias unknown).
    System.arraycopy(gram, ratingColumn * stride, rhs, 0, dimension);
    final int info = solver.solve(gram, rhs);
    if (info == 0) {
      for (int c = 0; c < rank; c++) {
        out[offset + c] = precision.round(rhs[c]);
      }
    }
    return info;
  }

  /** Exact: the current solution is not needed. */
  @Override
  public int solve(double lambda, double[] out, int offset, double currentBias) {
    return solve(lambda, out, offset);
  }

  @Override
  public double bias() {
    return precision.round(rhs[rank]);
  }
}
