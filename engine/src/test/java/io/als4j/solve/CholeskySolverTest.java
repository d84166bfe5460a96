package io.als4j.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.testing.DenseLinearAlgebra;
import io.als4j.testing.TestSeeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskySolverTest {

  /**
   * Random SPD systems A = MᵀM + I (condition number modest), solved through dposv with a padded
   * leading dimension, against Gaussian elimination. Tolerance 1e-10 relative: both are backward
   * stable, so they agree to about cond(A)·ε ≈ 1e-13 here; 1e-10 leaves room, while a wrong
   * triangle or layout gives O(1) differences.
   */
  @Test
  void solvesRandomSpdSystemsLikeGaussianElimination() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int n : new int[] {1, 2, 3, 7, 10, 16, 33, 64}) {
      int lda = n + 3;
      double[][] dense = randomSpd(n, random);
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = 2 * random.nextDouble() - 1;
      }
      double[] packed = new double[lda * n];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i <= j; i++) {
          packed[i + j * lda] = dense[i][j];
        }
        // Garbage in the lower triangle must be ignored: dposv("U") reads only i <= j.
        for (int i = j + 1; i < lda; i++) {
          packed[i + j * lda] = Double.NaN;
        }
      }
      double[] x = b.clone();
      CholeskySolver solver = new CholeskySolver(LapackBackend.lapack(), n, lda);
      assertEquals(0, solver.solve(packed, x), "info for n=" + n);
      double rel = DenseLinearAlgebra.relativeDifference(x, DenseLinearAlgebra.solve(dense, b));
      assertTrue(rel < 1e-10, "n=" + n + " relative difference " + rel);
    }
  }

  @Test
  void reportsTheFirstNonPositiveMinor() {
    // diag(1, 0, 1): the leading minor of order 2 is zero.
    double[] a = {1, 0, 0, 0, 0, 0, 0, 0, 1};
    double[] b = {1, 1, 1};
    assertEquals(2, new CholeskySolver(LapackBackend.lapack(), 3, 3).solve(a, b));
  }

  @Test
  void rejectsImpossibleShapesUpFront() {
    assertEquals(
        "n: 0 (expected: >= 1)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CholeskySolver(LapackBackend.lapack(), 0, 1))
            .getMessage());
    assertEquals(
        "lda: 3 (expected: >= n = 4)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CholeskySolver(LapackBackend.lapack(), 4, 3))
            .getMessage());
  }

  private static double[][] randomSpd(int n, SplittableRandom random) {
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = 2 * random.nextDouble() - 1;
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : 0;
        for (int r = 0; r < n; r++) {
          s += m[r][i] * m[r][j];
        }
        a[i][j] = s;
      }
    }
    return a;
  }
}
