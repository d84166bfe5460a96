package io.als4j.solve;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.internal.Als4jProperties;
import io.als4j.kernel.CholeskyKernels;
import java.util.Locale;

/**
 * Picks the solver for one worker's n × n systems: als4j's {@link CholeskyKernels Cholesky kernel}
 * where it is faster than a LAPACK call, {@code dposv} where LAPACK is faster.
 *
 * <p>Measured (benchmarks/RESULTS.md, {@code benchmarks/jmh SolveBenchmark}): the Panama kernel
 * beats native OpenBLAS {@code dposv} at n = 10 (about 1.8×) to 64 (about 1.2×), where the call's
 * fixed cost and its unblocked column-oriented code dominate, and loses at 128 (about 0.7×),
 * where OpenBLAS's blocked code pays off. The pure-Java LAPACK is slower than the kernel at every
 * size measured.
 */
public final class SpdSolvers {
  /** Largest n for which {@code auto} takes the kernel over native LAPACK. */
  public static final int KERNEL_MAX_N = 80;

  private SpdSolvers() {}

  /** A solver for n × n systems with row stride {@code lda}, by {@link Als4jProperties#SOLVER}. */
  public static SpdSolver create(LAPACK lapack, int n, int lda) {
    String choice = System.getProperty(Als4jProperties.SOLVER, "auto").trim().toLowerCase(Locale.ROOT);
    switch (choice) {
      case "kernel":
        return kernel(n, lda);
      case "lapack":
        return new CholeskySolver(lapack, n, lda);
      case "auto":
      case "":
        return n <= KERNEL_MAX_N || !LapackBackend.isNative()
            ? kernel(n, lda)
            : new CholeskySolver(lapack, n, lda);
      default:
        throw new IllegalArgumentException(
            Als4jProperties.SOLVER + ": " + choice + " (expected: auto, kernel or lapack)");
    }
  }

  private static SpdSolver kernel(int n, int lda) {
    return new KernelCholeskySolver(CholeskyKernels.active(), n, lda);
  }

  /** What {@code auto} picks at rank {@code k}, for logs and {@code doctor}. */
  public static String describe(int n) {
    SpdSolver s = create(LapackBackend.lapack(), n, n);
    return s instanceof KernelCholeskySolver k
        ? "Cholesky kernel, " + k.kernelDescription()
        : "LAPACK dposv (" + LapackBackend.name() + ")";
  }
}
