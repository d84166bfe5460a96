package io.als4j.benchmarks;

import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Gram-matrix accumulation, gram += AᵀA over a gathered block of {@code rows} × {@code k}
 * doubles: the inner loop of every row solve. Throughput in calls per millisecond; the {@code
 * flops} counter is the floating-point rate in FLOP per millisecond, i.e. MFLOP/s (k(k+1)
 * operations per row: a multiply and an add for each entry of the triangle).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class GramKernelBenchmark {
  /** "scalar" (the reference), "panama" (the Vector API kernel) or "dsyrk" (BLAS, for comparison). */
  @Param({"scalar", "panama", "dsyrk"})
  public String kernel;

  @Param({"8", "10", "16", "32", "50", "64", "128"})
  public int k;

  @Param({"5", "50", "500", "5000"})
  public int rows;

  private GramKernel gramKernel;
  private int stride;
  private double[] block;
  private double[] gram;

  @Setup(Level.Trial)
  public void setUp() {
    gramKernel = KernelChoice.named(kernel);
    stride = gramKernel.blockStride(k);
    block = new double[rows * stride];
    SplittableRandom random = new SplittableRandom(0);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < k; c++) {
        block[r * stride + c] = 2 * random.nextDouble() - 1;
      }
    }
    gram = new double[stride * stride];
    checkAgainstScalar();
  }

  /** A fast wrong kernel is worth nothing: compare with the reference once per trial. */
  private void checkAgainstScalar() {
    double[] expected = new double[stride * stride];
    double[] actual = new double[stride * stride];
    GramKernels.scalar().accumulate(block, rows, k, stride, expected);
    gramKernel.accumulate(block, rows, k, stride, actual);
    for (int p = 0; p < k; p++) {
      for (int q = 0; q <= p; q++) {
        double e = expected[p * stride + q];
        if (Math.abs(actual[p * stride + q] - e) > 1e-9 * Math.max(1, Math.abs(e))) {
          throw new IllegalStateException(kernel + " kernel disagrees with scalar at " + p + "," + q);
        }
      }
    }
  }

  @Benchmark
  public double[] accumulate(FlopCounter counter) {
    gramKernel.accumulate(block, rows, k, stride, gram);
    counter.flops += (double) rows * k * (k + 1);
    return gram;
  }
}
