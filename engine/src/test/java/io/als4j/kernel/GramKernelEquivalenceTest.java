package io.als4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.als4j.testing.TestSeeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Panama kernel against the scalar specification, on every k from 1 to 70 (lane tails and
 * non-multiples of the tile width included) and row counts from 0 up to several kernel tiles.
 *
 * <p>Tolerance: both kernels sum the same products in the same order, and differ only where the
 * Panama kernel fuses a multiply-add (one rounding instead of two). Each of the n additions can
 * then differ by at most about ε·|partial sum|, so we allow 1e-12 × Σᵣ|aᵣₚ·aᵣ_q| (ε = 2.2e-16, n ≤
 * 300: n·ε ≈ 7e-14 < 1e-12), relative to the magnitude of the terms rather than of the result,
 * which can cancel to near zero.
 */
class GramKernelEquivalenceTest {
  private static final int[] ROWS = {0, 1, 2, 3, 4, 5, 8, 17, 64, 300};
  private static final double TOLERANCE = 1e-12;

  @BeforeAll
  static void needsVectorApi() {
    assumeTrue(GramKernels.panamaAvailable(), "the Vector API module is not in this JVM");
  }

  @Test
  void panamaMatchesScalarOnEveryShape() {
    GramKernel scalar = GramKernels.scalar();
    GramKernel panama = GramKernels.panama();
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int k = 1; k <= 70; k++) {
      for (int rows : ROWS) {
        compare(scalar, panama, k, rows, random, 1.0);
      }
    }
    for (int k : new int[] {100, 128, 257}) {
      compare(scalar, panama, k, 33, random, 1.0);
    }
  }

  /**
   * store must give what accumulate gives on a zeroed matrix without reading the matrix: it starts
   * full of NaN here, so one entry of the triangle read instead of overwritten fails the test.
   */
  @Test
  void storeOverwritesTheTriangleOnEveryShape() {
    GramKernel scalar = GramKernels.scalar();
    GramKernel panama = GramKernels.panama();
    SplittableRandom random = new SplittableRandom(TestSeeds.base() + 2);
    for (int k = 1; k <= 70; k++) {
      for (int rows : ROWS) {
        compare(scalar, panama, k, rows, random, 1.0, true);
      }
    }
    for (GramKernel kernel : new GramKernel[] {scalar, panama}) {
      int k = 9;
      int stride = kernel.blockStride(k);
      double[] gram = new double[stride * stride];
      Arrays.fill(gram, Double.NaN);
      kernel.store(new double[stride], 0, k, stride, gram);
      for (int p = 0; p < k; p++) {
        for (int q = 0; q <= p; q++) {
          assertEquals(0.0, gram[p * stride + q], kernel.description() + " (" + p + "," + q + ")");
        }
      }
    }
  }

  @Test
  void largeAndTinyMagnitudesStayRelative() {
    GramKernel scalar = GramKernels.scalar();
    GramKernel panama = GramKernels.panama();
    SplittableRandom random = new SplittableRandom(TestSeeds.base() + 1);
    for (double scale : new double[] {1e-150, 1e-8, 1e8, 1e150}) {
      for (int k : new int[] {1, 5, 10, 17, 64}) {
        compare(scalar, panama, k, 29, random, scale);
      }
    }
  }

  @Test
  void allZeroBlockGivesZeroGram() {
    GramKernel panama = GramKernels.panama();
    int k = 13;
    int stride = panama.blockStride(k);
    double[] gram = new double[stride * stride];
    panama.accumulate(new double[10 * stride], 10, k, stride, gram);
    for (double g : gram) {
      assertEquals(0.0, g);
    }
  }

  /** Fills a padded block, runs both kernels on top of a random non-zero Gram, and compares. */
  private static void compare(
      GramKernel scalar, GramKernel panama, int k, int rows, SplittableRandom random, double scale) {
    compare(scalar, panama, k, rows, random, scale, false);
  }

  /**
   * With {@code store}, panama's store on a NaN-filled matrix against scalar's accumulate on
   * zeros.
   */
  private static void compare(
      GramKernel scalar, GramKernel panama, int k, int rows, SplittableRandom random, double scale,
      boolean store) {
    int stride = panama.blockStride(k);
    if (stride < k || stride % 4 != 0) {
      fail("blockStride(" + k + ") = " + stride + ": must be >= k and a multiple of the tile rows");
    }
    double[] a = new double[Math.max(1, rows) * stride];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < k; c++) {
        a[r * stride + c] = scale * (2 * random.nextDouble() - 1);
      }
    }
    double[] start = new double[stride * stride];
    for (int e = 0; e < start.length && !store; e++) {
      start[e] = scale * scale * random.nextDouble();
    }
    double[] expected = start.clone();
    double[] actual = start.clone();
    scalar.accumulate(a, rows, k, stride, expected);
    if (store) {
      Arrays.fill(actual, Double.NaN);
      panama.store(a, rows, k, stride, actual);
    } else {
      panama.accumulate(a, rows, k, stride, actual);
    }
    for (int p = 0; p < k; p++) {
      for (int q = 0; q <= p; q++) {
        double magnitude = Math.abs(start[p * stride + q]);
        for (int r = 0; r < rows; r++) {
          magnitude += Math.abs(a[r * stride + p] * a[r * stride + q]);
        }
        double diff = Math.abs(actual[p * stride + q] - expected[p * stride + q]);
        if (!(diff <= TOLERANCE * magnitude)) {
          fail(String.format(
              "k=%d rows=%d scale=%g entry (%d,%d): panama %s vs scalar %s, |diff| %g > %g"
                  + " (seed %d, replay with -Dals4j.test.seed)",
              k, rows, scale, p, q, actual[p * stride + q], expected[p * stride + q], diff,
              TOLERANCE * magnitude, TestSeeds.base()));
        }
      }
    }
  }
}
