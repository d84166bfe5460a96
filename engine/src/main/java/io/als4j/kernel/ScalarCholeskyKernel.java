package io.als4j.kernel;

/**
 * The plain reference Cholesky solve, and the one without the Vector API.
 *
 * <p>Row by row (Cholesky–Crout) on the lower triangle: L[i][j] = (A[i][j] − L[i][0..j)·L[j][0..j))
 * / L[j][j], every inner step a dot product of two contiguous row prefixes, with four independent
 * accumulators so the adds do not wait on each other. The triangular solves run along rows too:
 * forward as dot products, backward as row updates. About n³/6 multiply-adds, like {@code dpotrf}.
 */
final class ScalarCholeskyKernel implements CholeskyKernel {
  @Override
  public int solve(double[] a, int n, int lda, double[] b, double[] inv) {
    for (int i = 0; i < n; i++) {
      final int row = i * lda;
      for (int j = 0; j < i; j++) {
        a[row + j] = (a[row + j] - dot(a, row, a, j * lda, j)) * inv[j];
      }
      final double d = a[row + i] - dot(a, row, a, row, i);
      if (!(d > 0)) {
        return i + 1;
      }
      final double l = Math.sqrt(d);
      a[row + i] = l;
      inv[i] = 1 / l;
    }
    // L y = b
    for (int i = 0; i < n; i++) {
      b[i] = (b[i] - dot(a, i * lda, b, 0, i)) * inv[i];
    }
    // Lᵀ x = y, by rows of L: once x[i] is known, take its share out of every earlier unknown.
    for (int i = n - 1; i >= 0; i--) {
      final double x = b[i] * inv[i];
      b[i] = x;
      final int row = i * lda;
      for (int k = 0; k < i; k++) {
        b[k] -= a[row + k] * x;
      }
    }
    return 0;
  }

  /** x[xi..xi+len)·y[yi..yi+len) with four accumulators. */
  static double dot(double[] x, int xi, double[] y, int yi, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = 0;
    for (; t + 3 < len; t += 4) {
      s0 += x[xi + t] * y[yi + t];
      s1 += x[xi + t + 1] * y[yi + t + 1];
      s2 += x[xi + t + 2] * y[yi + t + 2];
      s3 += x[xi + t + 3] * y[yi + t + 3];
    }
    for (; t < len; t++) {
      s0 += x[xi + t] * y[yi + t];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public String description() {
    return "scalar (Crout)";
  }
}
