package io.als4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cholesky solve on the Vector API for the row strides the Gram kernels use (a multiple of the lane
 * count); any other stride goes to the {@link ScalarCholeskyKernel}.
 *
 * <p>Why not the scalar kernel's row-by-row dot products: at K = 64 they are two thousand short
 * reductions. Instead the lower triangle is first mirrored into the upper one, so that row j holds
 * Lᵀ's row j (column j of L), and the factorization runs right-looking: scale row j by 1/√pivot,
 * then subtract f·(row j) from every later row i, f = U[j][i]. Every inner loop is a contiguous
 * fused multiply-add over whole vectors with no reduction. Loops start at the vector boundary below
 * the diagonal and end at the one above n; what they write on the left of the diagonal is the
 * mirrored-away lower triangle, and on the right of n the padding, both dead by then. So there is no
 * masked or scalar tail in the O(n³) part; the O(n²) triangular solves have scalar tails, because b
 * has exactly n entries.
 *
 * <p>Loaded only by name from {@link CholeskyKernels}, like {@link PanamaGramKernel}.
 */
final class PanamaCholeskyKernel implements CholeskyKernel {
  private static final VectorSpecies<Double> SPECIES = PanamaGramKernel.species();
  private static final int LANES = SPECIES.length();
  private static final CholeskyKernel SCALAR = new ScalarCholeskyKernel();
  /** Rows factored together before they update the rest, each such update reusing its loads. */
  private static final int PANEL = 4;

  @Override
  public int solve(double[] a, int n, int lda, double[] b, double[] inv) {
    if (lda % LANES != 0) {
      return SCALAR.solve(a, n, lda, b, inv);
    }
    assert a.length >= n * lda && b.length >= n && inv.length >= n;
    for (int i = 1; i < n; i++) {
      final int row = i * lda;
      for (int j = 0; j < i; j++) {
        a[j * lda + i] = a[row + j];
      }
    }
    final int end = (n + LANES - 1) / LANES * LANES;
    for (int panel = 0; panel < n; panel += PANEL) {
      final int panelEnd = Math.min(panel + PANEL, n);
      for (int j = panel; j < panelEnd; j++) {
        if (!pivot(a, j, lda, end, inv)) {
          return j + 1;
        }
        for (int i = j + 1; i < panelEnd; i++) {
          subtractRow(a, j, i, lda, end);
        }
      }
      if (panelEnd - panel == PANEL) {
        for (int i = panelEnd; i < n; i++) {
          subtractPanel(a, panel, i, lda, end);
        }
      } else {
        for (int j = panel; j < panelEnd; j++) {
          for (int i = panelEnd; i < n; i++) {
            subtractRow(a, j, i, lda, end);
          }
        }
      }
    }
    // Uᵀ y = b: once y[j] is known, take its share out of every later unknown (row j of U).
    for (int j = 0; j < n; j++) {
      final double y = b[j] * inv[j];
      b[j] = y;
      final int row = j * lda;
      final DoubleVector yv = DoubleVector.broadcast(SPECIES, -y);
      int k = j + 1;
      for (; k + LANES <= n; k += LANES) {
        DoubleVector.fromArray(SPECIES, a, row + k)
            .fma(yv, DoubleVector.fromArray(SPECIES, b, k))
            .intoArray(b, k);
      }
      for (; k < n; k++) {
        b[k] -= a[row + k] * y;
      }
    }
    // U x = y, from the last unknown up, a column of U at a time: once x[i] is known, take its
    // share out of every earlier unknown. Independent scalar multiply-adds, O(n²), in one fixed
    // order; a row-wise dot product would need a lane reduction per row, and lane extraction is
    // not compiled to a register move on every JDK (it showed as 7 % of a K = 10 sweep on JDK 17).
    for (int i = n - 1; i >= 0; i--) {
      final double x = b[i] * inv[i];
      b[i] = x;
      for (int k = 0, at = i; k < i; k++, at += lda) {
        b[k] -= a[at] * x;
      }
    }
    return 0;
  }

  /** Makes row j of U: √pivot on the diagonal, the rest of the row divided by it. */
  private static boolean pivot(double[] a, int j, int lda, int end, double[] inv) {
    final int pivotRow = j * lda;
    final double d = a[pivotRow + j];
    if (!(d > 0)) {
      return false;
    }
    final double l = Math.sqrt(d);
    final double r = 1 / l;
    inv[j] = r;
    final DoubleVector scale = DoubleVector.broadcast(SPECIES, r);
    for (int k = (j + 1) / LANES * LANES; k < end; k += LANES) {
      DoubleVector.fromArray(SPECIES, a, pivotRow + k).mul(scale).intoArray(a, pivotRow + k);
    }
    a[pivotRow + j] = l;
    return true;
  }

  /** Row i −= U[j][i] · row j, from the vector boundary at or below the diagonal. */
  private static void subtractRow(double[] a, int j, int i, int lda, int end) {
    final int pivotRow = j * lda;
    final int row = i * lda;
    final DoubleVector f = DoubleVector.broadcast(SPECIES, -a[pivotRow + i]);
    for (int k = i / LANES * LANES; k < end; k += LANES) {
      DoubleVector.fromArray(SPECIES, a, pivotRow + k)
          .fma(f, DoubleVector.fromArray(SPECIES, a, row + k))
          .intoArray(a, row + k);
    }
  }

  /**
   * Row i −= Σ U[p][i] · row p over the panel's four rows: four multiply-adds per load and store of
   * row i, which is what makes the O(n³) part run at FMA speed rather than load/store speed.
   */
  private static void subtractPanel(double[] a, int panel, int i, int lda, int end) {
    final int r0 = panel * lda;
    final int r1 = r0 + lda;
    final int r2 = r1 + lda;
    final int r3 = r2 + lda;
    final int row = i * lda;
    final DoubleVector f0 = DoubleVector.broadcast(SPECIES, -a[r0 + i]);
    final DoubleVector f1 = DoubleVector.broadcast(SPECIES, -a[r1 + i]);
    final DoubleVector f2 = DoubleVector.broadcast(SPECIES, -a[r2 + i]);
    final DoubleVector f3 = DoubleVector.broadcast(SPECIES, -a[r3 + i]);
    for (int k = i / LANES * LANES; k < end; k += LANES) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, row + k);
      v = DoubleVector.fromArray(SPECIES, a, r0 + k).fma(f0, v);
      v = DoubleVector.fromArray(SPECIES, a, r1 + k).fma(f1, v);
      v = DoubleVector.fromArray(SPECIES, a, r2 + k).fma(f2, v);
      v = DoubleVector.fromArray(SPECIES, a, r3 + k).fma(f3, v);
      v.intoArray(a, row + k);
    }
  }

  @Override
  public String description() {
    return "Panama " + SPECIES.vectorBitSize() + "-bit (right-looking, panels of " + PANEL + ", " + LANES + " lanes)";
  }
}
