package io.als4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.solve.LapackBackend;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netlib.util.intW;

/**
 * als4j's Cholesky kernels against LAPACK {@code dposv} on random SPD systems of every size from 1
 * to 70 and a few larger, with the stride training uses (n rounded up to 4) and an odd one.
 *
 * <p>Tolerance 1e-10 relative on x: all three are backward-stable Cholesky solves of systems with
 * condition number below about 1e3 (A = MᵀM/n + I), so they agree to about cond·n·ε ≈ 1e-11; a
 * wrong triangle, a missed row or a tail bug gives O(1) differences.
 */
class CholeskyKernelEquivalenceTest {
  private static final double TOLERANCE = 1e-10;

  private static List<CholeskyKernel> kernels() {
    List<CholeskyKernel> k = new ArrayList<>();
    k.add(CholeskyKernels.scalar());
    if (GramKernels.panamaAvailable()) {
      k.add(CholeskyKernels.panama());
    }
    return k;
  }

  @Test
  void everyKernelSolvesLikeDposvOnEveryShape() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    LAPACK lapack = LapackBackend.lapack();
    List<Integer> sizes = new ArrayList<>();
    for (int n = 1; n <= 70; n++) {
      sizes.add(n);
    }
    sizes.addAll(List.of(97, 128, 129));
    for (int n : sizes) {
      for (int lda : new int[] {(n + 3) / 4 * 4, n + 3}) {
        double[] a = randomSpd(n, lda, random);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
          b[i] = 2 * random.nextDouble() - 1;
        }
        double[] expected = b.clone();
        intW info = new intW(0);
        lapack.dposv("U", n, 1, a.clone(), lda, expected, n, info);
        assertEquals(0, info.val);
        for (CholeskyKernel kernel : kernels()) {
          double[] x = b.clone();
          assertEquals(0, kernel.solve(a.clone(), n, lda, x, new double[n]),
              kernel.description() + " n=" + n);
          double diff = 0;
          double norm = 0;
          for (int i = 0; i < n; i++) {
            diff = Math.max(diff, Math.abs(x[i] - expected[i]));
            norm = Math.max(norm, Math.abs(expected[i]));
          }
          assertTrue(diff <= TOLERANCE * norm,
              kernel.description() + " n=" + n + " lda=" + lda + ": max difference " + diff);
        }
      }
    }
  }

  /**
   * The same system gives the same bits on its first call (interpreted) and after the JIT compiled
   * the kernel: serving compares fold-ins computed at different times, and training promises
   * identical results for any thread count. A different order of a floating-point sum shows in the
   * last bit of some answers only, so many systems are checked: each is solved once first, then the
   * kernel is run until compiled, then each is solved again.
   */
  @Test
  void everyKernelGivesTheSameBitsBeforeAndAfterCompilation() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base() + 2);
    final int systems = 300;
    for (CholeskyKernel kernel : kernels()) {
      for (int n : new int[] {6, 11}) {
        int lda = (n + 3) / 4 * 4;
        double[][] a = new double[systems][];
        double[][] b = new double[systems][];
        double[][] first = new double[systems][];
        for (int s = 0; s < systems; s++) {
          a[s] = randomSpd(n, lda, random);
          b[s] = new double[n];
          for (int i = 0; i < n; i++) {
            b[s][i] = 2 * random.nextDouble() - 1;
          }
          first[s] = b[s].clone();
          kernel.solve(a[s].clone(), n, lda, first[s], new double[n]);
        }
        double[] work = new double[n * lda];
        double[] x = new double[n];
        double[] inv = new double[n];
        for (int call = 0; call < 100_000; call++) {
          System.arraycopy(a[call % systems], 0, work, 0, work.length);
          System.arraycopy(b[call % systems], 0, x, 0, n);
          kernel.solve(work, n, lda, x, inv);
        }
        for (int s = 0; s < systems; s++) {
          System.arraycopy(a[s], 0, work, 0, work.length);
          System.arraycopy(b[s], 0, x, 0, n);
          kernel.solve(work, n, lda, x, inv);
          if (!java.util.Arrays.equals(first[s], x)) {
            throw new AssertionError(kernel.description() + " n=" + n + " system " + s
                + ": compiled " + java.util.Arrays.toString(x) + ", first call "
                + java.util.Arrays.toString(first[s]));
          }
        }
      }
    }
  }

  /** Like dposv's info: the order of the first leading minor that is not positive definite. */
  @Test
  void reportTheFirstNonPositiveMinorLikeLapack() {
    SplittableRandom random = new SplittableRandom(TestSeeds.base() + 1);
    for (int n : new int[] {1, 3, 9, 33}) {
      for (int bad = 0; bad < n; bad += Math.max(1, n / 4)) {
        int lda = (n + 3) / 4 * 4;
        double[] a = randomSpd(n, lda, random);
        a[bad * lda + bad] = -1e3;
        intW info = new intW(0);
        LapackBackend.lapack().dposv("U", n, 1, a.clone(), lda, new double[n], n, info);
        for (CholeskyKernel kernel : kernels()) {
          assertEquals(info.val, kernel.solve(a.clone(), n, lda, new double[n], new double[n]),
              kernel.description() + " n=" + n + " bad=" + bad);
        }
      }
    }
  }

  /**
   * A = MᵀM/n + I in the row-major lower triangle; NaN everywhere the contract says is not read (the
   * upper triangle and the padding), so a kernel that reads them fails.
   */
  private static double[] randomSpd(int n, int lda, SplittableRandom random) {
    double[] m = new double[n * n];
    for (int i = 0; i < m.length; i++) {
      m[i] = 2 * random.nextDouble() - 1;
    }
    double[] a = new double[n * lda];
    java.util.Arrays.fill(a, Double.NaN);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = i == j ? 1 : 0;
        for (int r = 0; r < n; r++) {
          s += m[r * n + i] * m[r * n + j] / n;
        }
        a[i * lda + j] = s;
      }
    }
    return a;
  }
}
