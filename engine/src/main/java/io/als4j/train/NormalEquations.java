package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.kernel.GramKernel;
import io.als4j.solve.SpdSolver;
import io.als4j.solve.SpdSolvers;
import java.util.Arrays;

/**
 * One row's normal equations (Σ vⱼvⱼᵀ + λI) x = Σ rⱼvⱼ, built one rating at a time and solved by
 * Cholesky ({@link SpdSolvers}: als4j's kernel for small K, LAPACK {@code dposv} above): the computation shared by the training half-sweeps and by fold-in, so a user
 * folded in from its training ratings gets its trained vector back.
 *
 * <p>Ratings are gathered into a block ({@link #BLOCK_ROWS} rows, so it stays in L2 whatever the
 * row's degree), the right-hand side accumulated on the way, and each full block handed to the Gram
 * kernel. One instance per worker thread; all arrays are allocated once, so solving allocates
 * nothing. The block's padding columns (k..stride-1) are never written and stay zero, as the kernel
 * contract requires.
 */
final class NormalEquations implements RowSolver {
  static final int BLOCK_ROWS = 256;

  private final GramKernel kernel;
  private final int rank;
  /** rank, plus one for the bias unknown. */
  private final int dimension;
  private final boolean withBias;
  private final int stride;
  private final double[] block;
  private final double[] gram;
  private final double[] rhs;
  private final SpdSolver solver;
  private int pending;

  NormalEquations(GramKernel kernel, LAPACK lapack, int rank) {
    this(kernel, lapack, rank, false);
  }

  /**
   * @param withBias add a constant feature 1 to every gathered row, so the solution carries one
   *     more unknown: the row's bias (see {@link AlsConfig#biases()})
   */
  NormalEquations(GramKernel kernel, LAPACK lapack, int rank, boolean withBias) {
    this.kernel = kernel;
    this.rank = rank;
    this.withBias = withBias;
    this.dimension = rank + (withBias ? 1 : 0);
    this.stride = kernel.blockStride(dimension);
    this.block = new double[BLOCK_ROWS * stride];
    this.gram = new double[stride * stride];
    this.rhs = new double[dimension];
    this.solver = SpdSolvers.create(lapack, dimension, stride);
  }

  @Override
  public void reset() {
    Arrays.fill(gram, 0.0);
    Arrays.fill(rhs, 0.0);
    pending = 0;
  }

  @Override
  public void add(double[] factors, int row, double rating) {
    final int k = rank;
    final int src = row * k;
    System.arraycopy(factors, src, block, pending * stride, k);
    for (int c = 0; c < k; c++) {
      rhs[c] += rating * factors[src + c];
    }
    if (withBias) {
      block[pending * stride + k] = 1.0;
      rhs[k] += rating;
    }
    if (++pending == BLOCK_ROWS) {
      flush();
    }
  }

  private void flush() {
    kernel.accumulate(block, pending, dimension, stride, gram);
    pending = 0;
  }

  /**
   * Adds λ to the diagonal and solves, writing x to {@code out} at {@code offset}.
   *
   * @return LAPACK's info: 0 on success, &gt; 0 if not positive definite, &lt; 0 for a bad argument
   */
  int solve(double lambda, double[] out, int offset) {
    if (pending > 0) {
      flush();
    }
    for (int d = 0; d < dimension; d++) {
      gram[d * stride + d] += lambda;
    }
    final int info = solver.solve(gram, rhs);
    if (info == 0) {
      System.arraycopy(rhs, 0, out, offset, rank);
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
    return rhs[rank];
  }
}
