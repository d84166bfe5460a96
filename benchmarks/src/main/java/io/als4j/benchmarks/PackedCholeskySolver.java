package io.als4j.benchmarks;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.solve.SpdSolver;
import org.netlib.util.intW;

/**
 * LAPACK {@code dppsv} behind the {@link SpdSolver} contract, for the Solve suite: the packed
 * Cholesky solve, which reads a triangle of n(n+1)/2 doubles instead of a padded n × lda square.
 * Each solve first packs the upper triangle out of the square, since that is what training would
 * have to do with the Gram matrix its kernel fills; the packing is part of the measured cost.
 */
final class PackedCholeskySolver implements SpdSolver {
  private final LAPACK lapack;
  private final int n;
  private final int lda;
  private final double[] packed;
  private final intW info = new intW(0);

  PackedCholeskySolver(LAPACK lapack, int n, int lda) {
    this.lapack = lapack;
    this.n = n;
    this.lda = lda;
    this.packed = new double[n * (n + 1) / 2];
  }

  @Override
  public int solve(double[] a, double[] b) {
    int at = 0;
    for (int j = 0; j < n; j++) {
      System.arraycopy(a, j * lda, packed, at, j + 1);
      at += j + 1;
    }
    lapack.dppsv("U", n, 1, packed, b, n, info);
    return info.val;
  }

  @Override
  public int matrixLength() {
    return lda * (n - 1) + n;
  }
}
