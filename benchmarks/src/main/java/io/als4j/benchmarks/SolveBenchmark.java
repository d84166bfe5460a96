package io.als4j.benchmarks;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import io.als4j.solve.CholeskySolver;
import io.als4j.kernel.CholeskyKernels;
import io.als4j.kernel.GramKernels;
import io.als4j.solve.KernelCholeskySolver;
import io.als4j.solve.LapackBackend;
import io.als4j.solve.SpdSolver;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One K×K symmetric positive definite solve, as every row solve does: LAPACK {@code dposv} native
 * or pure Java (netlib's translation), or als4j's own Cholesky kernels. The matrix has the row
 * stride training uses (K + 1 for the rating column, rounded up to the Gram kernel's tile). Solves overwrite
 * their inputs, so each call first copies them; {@code copyOnly} measures that copy alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SolveBenchmark {
  @Param({"8", "10", "16", "32", "50", "64", "128"})
  public int k;

  /**
   * native / java: LAPACK dposv through netlib; packed: LAPACK dppsv (native), the packed-triangle
   * solve, packing included; panama / scalar: als4j's own Cholesky kernels ({@link
   * CholeskyKernels}).
   */
  @Param({"native", "java", "packed", "panama", "scalar"})
  public String lapack;

  private SpdSolver impl;
  private int lda;
  private double[] a;
  private double[] b;
  private double[] work;
  private double[] x;

  @Setup
  public void setUp() {
    // NormalEquations' stride: k unknowns plus the rating column, rounded up to the Gram kernel's
    // tile (on 512-bit vectors a multiple of 8, which the Panama Cholesky kernel needs).
    lda = GramKernels.active().blockStride(k + 1);
    switch (lapack) {
      case "panama" -> impl = new KernelCholeskySolver(CholeskyKernels.panama(), k, lda);
      case "scalar" -> impl = new KernelCholeskySolver(CholeskyKernels.scalar(), k, lda);
      case "java" -> impl = new CholeskySolver(JavaLAPACK.getInstance(), k, lda);
      case "native" -> impl = new CholeskySolver(LapackBackend.lapack(), k, lda);
      case "packed" -> impl = new PackedCholeskySolver(LapackBackend.lapack(), k, lda);
      default -> throw new IllegalArgumentException("lapack: " + lapack);
    }
    if ((lapack.equals("native") || lapack.equals("packed")) && !LapackBackend.isNative()) {
      throw new IllegalStateException("lapack=native but " + LapackBackend.status().summary());
    }
    SplittableRandom random = new SplittableRandom(3);
    double[] m = new double[k * k];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextDouble() - 0.5;
    }
    a = new double[k * lda];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = i == j ? k : 0;
        for (int r = 0; r < k; r++) {
          s += m[r * k + i] * m[r * k + j];
        }
        a[i + j * lda] = s;
      }
    }
    b = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = random.nextDouble();
    }
    work = new double[k * lda];
    x = new double[k];
    checkResidual();
  }

  /** A fast wrong solve is worth nothing: ‖A x − b‖ must be tiny once per trial. */
  private void checkResidual() {
    double[] solution = solve().clone();
    double worst = 0;
    double scale = 0;
    for (int i = 0; i < k; i++) {
      double ax = 0;
      for (int j = 0; j < k; j++) {
        ax += a[Math.min(i, j) + Math.max(i, j) * lda] * solution[j];
      }
      worst = Math.max(worst, Math.abs(ax - b[i]));
      scale = Math.max(scale, Math.abs(b[i]));
    }
    if (!(worst <= 1e-9 * scale)) {
      throw new IllegalStateException(lapack + " solve at k=" + k + ": residual " + worst);
    }
  }

  @Benchmark
  public double[] solve() {
    System.arraycopy(a, 0, work, 0, a.length);
    System.arraycopy(b, 0, x, 0, b.length);
    if (impl.solve(work, x) != 0) {
      throw new IllegalStateException("not positive definite");
    }
    return x;
  }

  @Benchmark
  public double[] copyOnly() {
    System.arraycopy(a, 0, work, 0, a.length);
    System.arraycopy(b, 0, x, 0, b.length);
    return x;
  }
}
