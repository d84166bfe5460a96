package io.als4j.train;

import io.als4j.data.CompressedRows;
import io.als4j.model.FactorMatrix;
import java.util.Arrays;

/**
 * Solves every row of one side: for row i with ratings rᵢⱼ against fixed factors vⱼ,
 *
 * <pre>(Σⱼ vⱼvⱼᵀ + λᵢ I) xᵢ = Σⱼ rᵢⱼ vⱼ</pre>
 *
 * <p>Per row, the worker's {@link RowSolver} gathers the rated vⱼ and solves: {@link
 * NormalEquations} builds the Gram matrix with the SIMD kernel and factors it by Cholesky, {@link
 * ConjugateGradientRow} takes a few CG steps from the row's current vector. A row with no ratings
 * gets the zero vector. Each row is written by exactly one task and depends only on the fixed side
 * (and, for CG, its own previous value), so the result does not depend on scheduling.
 */
final class HalfSweep {
  private final Side side;
  private final CompressedRows rows;
  private final FactorMatrix fixed;
  /** The fixed side as floats, gathered instead of {@link #fixed} when not null. */
  private final float[] fixedCopy;
  private final FactorMatrix target;
  /** Float copy of the solved side, kept up to date row by row when not null. */
  private final float[] targetCopy;
  private final AlsConfig config;
  private final double mean;
  private final double[] fixedBias;
  private final double[] targetBias;

  /**
   * @param fixedCopy the fixed factors as floats (exactly: they are float-rounded), or null to
   *     gather the doubles
   * @param targetCopy float copy of the solved factors, written here, or null
   * @param fixedBias the fixed side's offsets, or null without biases
   * @param targetBias the solved side's offsets, written here, or null without biases
   */
  HalfSweep(
      Side side,
      CompressedRows rows,
      FactorMatrix fixed,
      float[] fixedCopy,
      FactorMatrix target,
      float[] targetCopy,
      AlsConfig config,
      double mean,
      double[] fixedBias,
      double[] targetBias) {
    this.side = side;
    this.rows = rows;
    this.fixed = fixed;
    this.fixedCopy = fixedCopy;
    this.target = target;
    this.targetCopy = targetCopy;
    this.config = config;
    this.mean = mean;
    this.fixedBias = fixedBias;
    this.targetBias = targetBias;
  }

  /**
   * Solves rows {@code from..to-1} with one worker's normal equations, reading each row's entries
   * through that worker's {@code entries} buffer.
   */
  void solveRows(int from, int to, RowSolver equations, RowEntries entries) {
    final int k = config.rank();
    final double[] x = target.data();
    for (int row = from; row < to; row++) {
      final long start = rows.start(row);
      final long end = rows.end(row);
      final int degree = (int) (end - start);
      if (degree == 0) {
        Arrays.fill(x, row * k, row * k + k, 0.0);
        if (targetCopy != null) {
          Arrays.fill(targetCopy, row * k, row * k + k, 0f);
        }
        if (targetBias != null) {
          targetBias[row] = 0;
        }
        continue;
      }
      equations.reset();
      for (long at = start; at < end; ) {
        final int count = entries.fill(rows, at, end);
        if (fixedCopy != null) {
          gather(equations, fixedCopy, entries.columns(), entries.ratings(), count);
        } else {
          gather(equations, fixed.data(), entries.columns(), entries.ratings(), count);
        }
        at += count;
      }
      final double lambda = config.lambdaFor(degree);
      final int info =
          equations.solve(lambda, x, row * k, targetBias == null ? 0 : targetBias[row]);
      if (info != 0) {
        throw failure(side, row, info, degree, lambda);
      }
      if (targetCopy != null) {
        for (int c = row * k, e = c + k; c < e; c++) {
          targetCopy[c] = (float) x[c];
        }
      }
      if (targetBias != null) {
        targetBias[row] = equations.bias();
      }
    }
  }

  private void gather(
      RowSolver equations, float[] v, int[] columns, float[] ratings, int count) {
    if (fixedBias == null) {
      for (int e = 0; e < count; e++) {
        equations.add(v, columns[e], ratings[e]);
      }
    } else {
      // With biases the row fits what the mean and the other side's offsets leave.
      for (int e = 0; e < count; e++) {
        final int j = columns[e];
        equations.add(v, j, ratings[e] - mean - fixedBias[j]);
      }
    }
  }

  private void gather(
      RowSolver equations, double[] v, int[] columns, float[] ratings, int count) {
    if (fixedBias == null) {
      for (int e = 0; e < count; e++) {
        equations.add(v, columns[e], ratings[e]);
      }
    } else {
      for (int e = 0; e < count; e++) {
        final int j = columns[e];
        equations.add(v, j, ratings[e] - mean - fixedBias[j]);
      }
    }
  }

  static RuntimeException failure(Side side, int row, int info, int degree, double lambda) {
    if (info < 0) {
      return new IllegalStateException(
          "dposv rejected its argument " + (-info) + " while solving " + side.singular() + " "
              + row + ": a bug in als4j");
    }
    return new SolveFailedException(side, row, info, degree, lambda);
  }

  /**
   * Floating-point operations of one sweep. Cholesky: Gram and right-hand side per rating, the
   * factorization and triangular solves per row. CG: the right-hand side and 1 + steps products
   * with the Gram matrix per rating, the vector updates per row.
   */
  static double flops(CompressedRows rows, AlsConfig config, int stride) {
    long nonEmpty = 0;
    for (int r = 0; r < rows.rows(); r++) {
      if (rows.degree(r) > 0) {
        nonEmpty++;
      }
    }
    final int k = config.rank() + (config.biases() ? 1 : 0);
    final double perRating;
    final double perRow;
    if (config.solveMethod() == SolveMethod.CONJUGATE_GRADIENT) {
      perRating = ConjugateGradientRow.flopsPerRating(k, stride, config.cgSteps());
      perRow = ConjugateGradientRow.flopsPerRow(k, config.cgSteps());
    } else {
      perRating = (double) k * (k + 1) + 2.0 * k;
      perRow = k * (double) k * k / 3.0 + 2.0 * k * k;
    }
    return rows.entries() * perRating + nonEmpty * perRow;
  }

  /** The most ratings any row of {@code rows} has. */
  static int maxDegree(CompressedRows rows) {
    int max = 0;
    for (int r = 0; r < rows.rows(); r++) {
      max = Math.max(max, rows.degree(r));
    }
    return max;
  }
}
