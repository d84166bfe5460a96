package io.als4j.train;

import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramProductKernel;
import java.util.Arrays;

/**
 * A row's system (VᵀV + λI) x = Vᵀr solved approximately by a few conjugate-gradient steps started
 * from the row's current vector x₀ (as in implicit's and Takács et al.'s ALS-CG), without ever
 * forming VᵀV: each step multiplies by it through the {@link GramProductKernel}, one pass over the
 * row's gathered factors.
 *
 * <p>Why the training loss still never rises: the row's part of the loss is, up to a constant,
 * xᵀ(VᵀV + λI)x − 2xᵀVᵀr, and CG from x₀ minimizes exactly that over x₀ plus a growing Krylov
 * subspace, so every step can only lower it.
 *
 * <p>The row's factors are gathered once into a buffer sized for the heaviest row of the run (given
 * at construction; an item with 67,000 ratings at K = 50 needs 27 MB per worker), then read 1 +
 * steps times from there, contiguous, instead of gathered again per step.
 */
final class ConjugateGradientRow implements RowSolver {
  private final GramProductKernel kernel;
  private final int rank;
  private final int dimension;
  private final boolean withBias;
  private final int stride;
  private final int steps;
  private final double[] block;
  private final double[] rhs;
  private final double[] x;
  private final double[] residual;
  private final double[] direction;
  private final double[] product;
  private final FactorPrecision precision;
  private int rows;

  /**
   * @param gramKernel only for its {@link GramKernel#blockStride}, so both solvers pad alike
   * @param maxRows the largest number of ratings any row will add
   * @param withBias a constant feature 1 on every gathered row, solving for the row's bias too
   * @param precision how the solution is stored (rounded to float with {@link FactorPrecision#FLOAT})
   */
  ConjugateGradientRow(
      GramProductKernel kernel, GramKernel gramKernel, int rank, boolean withBias, int steps,
      int maxRows, FactorPrecision precision) {
    this.kernel = kernel;
    this.precision = precision;
    this.rank = rank;
    this.withBias = withBias;
    this.dimension = rank + (withBias ? 1 : 0);
    this.stride = gramKernel.blockStride(dimension);
    this.steps = steps;
    long cells = (long) Math.max(1, maxRows) * stride;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "conjugate gradient: a row with " + maxRows + " ratings at rank " + rank
              + " does not fit one Java array; use SolveMethod.CHOLESKY");
    }
    this.block = new double[(int) cells];
    this.rhs = new double[stride];
    this.x = new double[stride];
    this.residual = new double[stride];
    this.direction = new double[stride];
    this.product = new double[stride];
  }

  @Override
  public void reset() {
    Arrays.fill(rhs, 0.0);
    rows = 0;
  }

  @Override
  public void add(double[] factors, int row, double rating) {
    final int src = row * rank;
    final int dst = rows * stride;
    for (int c = 0; c < rank; c++) {
      block[dst + c] = factors[src + c];
      rhs[c] += rating * factors[src + c];
    }
    endRow(dst, rating);
  }

  @Override
  public void add(float[] factors, int row, double rating) {
    final int src = row * rank;
    final int dst = rows * stride;
    for (int c = 0; c < rank; c++) {
      final double v = factors[src + c];
      block[dst + c] = v;
      rhs[c] += rating * v;
    }
    endRow(dst, rating);
  }

  private void endRow(int dst, double rating) {
    if (withBias) {
      block[dst + rank] = 1.0;
      rhs[rank] += rating;
    }
    rows++;
  }

  @Override
  public int solve(double lambda, double[] out, int offset, double currentBias) {
    System.arraycopy(out, offset, x, 0, rank);
    if (withBias) {
      x[rank] = currentBias;
    }
    // r = b − (VᵀV + λI) x₀
    multiply(lambda, x);
    double rr = 0;
    for (int c = 0; c < dimension; c++) {
      final double r = rhs[c] - product[c];
      residual[c] = r;
      direction[c] = r;
      rr += r * r;
    }
    for (int step = 0; step < steps && rr > 0; step++) {
      multiply(lambda, direction);
      double pAp = 0;
      for (int c = 0; c < dimension; c++) {
        pAp += direction[c] * product[c];
      }
      if (!(pAp > 0)) {
        break; // a direction of zero curvature: only without λ on an empty span, nothing to gain
      }
      final double alpha = rr / pAp;
      double next = 0;
      for (int c = 0; c < dimension; c++) {
        x[c] += alpha * direction[c];
        final double r = residual[c] - alpha * product[c];
        residual[c] = r;
        next += r * r;
      }
      final double beta = next / rr;
      for (int c = 0; c < dimension; c++) {
        direction[c] = residual[c] + beta * direction[c];
      }
      rr = next;
    }
    for (int c = 0; c < rank; c++) {
      out[offset + c] = precision.round(x[c]);
    }
    return 0;
  }

  /** product = (VᵀV + λI) v over the gathered rows; v's padding stays zero. */
  private void multiply(double lambda, double[] v) {
    Arrays.fill(product, 0.0);
    kernel.multiplyAdd(block, rows, stride, v, product);
    for (int c = 0; c < dimension; c++) {
      product[c] += lambda * v[c];
    }
  }

  @Override
  public double bias() {
    return precision.round(x[rank]);
  }

  /** Floating-point operations per rating and per row of one solve, for GFLOP/s figures. */
  static double flopsPerRating(int dimension, int stride, int steps) {
    return 2.0 * dimension + (1 + steps) * 4.0 * stride;
  }

  static double flopsPerRow(int dimension, int steps) {
    return (1 + steps) * 2.0 * dimension + steps * 10.0 * dimension;
  }
}
