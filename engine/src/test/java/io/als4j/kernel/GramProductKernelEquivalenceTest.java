package io.als4j.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Gram-product kernels against the definition, y += (AᵀA) p with AᵀA formed explicitly, on every
 * k from 1 to 70 (lane tails and odd row counts included), with the stride the Gram kernels choose
 * and an odd one (which the Panama kernel hands to the scalar one).
 *
 * <p>Tolerance: a dot product of k terms and a sum over n rows differ from the explicit product only
 * by the order of the additions and the fusing of multiply-adds, each contributing at most about
 * (n + k)·ε relative to the sum of the absolute values of the terms; with n ≤ 301 and k ≤ 70 that is
 * below 1e-13, so 1e-12 × Σᵣ|aᵣ|(|aᵣ|·|p|) leaves room while any wrong element, row or tail gives
 * O(1) errors.
 */
class GramProductKernelEquivalenceTest {
  private static final int[] ROWS = {0, 1, 2, 3, 5, 16, 301};
  private static final double TOLERANCE = 1e-12;

  private static List<GramProductKernel> kernels() {
    List<GramProductKernel> k = new ArrayList<>();
    k.add(GramProductKernels.scalar());
    if (GramKernels.panamaAvailable()) {
      k.add(GramProductKernels.panama());
    }
    return k;
  }

  @Test
  void everyKernelMultipliesLikeTheExplicitGramMatrix() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    GramKernel gram = GramKernels.active();
    for (int k = 1; k <= 70; k++) {
      for (int stride : new int[] {gram.blockStride(k), k + 3}) {
        for (int rows : ROWS) {
          check(k, stride, rows, random);
        }
      }
    }
  }

  private static void check(int k, int stride, int rows, SplittableRandom random) {
    double[] a = new double[Math.max(1, rows) * stride];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < k; c++) {
        a[r * stride + c] = 2 * random.nextDouble() - 1;
      }
    }
    double[] p = new double[stride];
    double[] y0 = new double[stride];
    for (int c = 0; c < k; c++) {
      p[c] = 2 * random.nextDouble() - 1;
      y0[c] = 2 * random.nextDouble() - 1;
    }
    // The definition: G = AᵀA formed entry by entry, then y0 + G p; and the scale of its terms.
    double[] expected = y0.clone();
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double g = 0;
        double abs = 0;
        for (int r = 0; r < rows; r++) {
          g += a[r * stride + i] * a[r * stride + j];
          abs += Math.abs(a[r * stride + i] * a[r * stride + j]);
        }
        expected[i] += g * p[j];
        scale[i] += abs * Math.abs(p[j]);
      }
    }
    for (GramProductKernel kernel : kernels()) {
      double[] y = y0.clone();
      kernel.multiplyAdd(a, rows, stride, p, y);
      for (int i = 0; i < k; i++) {
        double diff = Math.abs(y[i] - expected[i]);
        assertTrue(diff <= TOLERANCE * (scale[i] + Math.abs(y0[i])),
            kernel.description() + " k=" + k + " stride=" + stride + " rows=" + rows + " y[" + i
                + "] = " + y[i] + ", expected " + expected[i]);
      }
      for (int c = k; c < stride; c++) {
        assertTrue(y[c] == 0, kernel.description() + ": padding y[" + c + "] = " + y[c]);
      }
    }
  }
}
