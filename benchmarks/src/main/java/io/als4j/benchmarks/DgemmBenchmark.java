package io.als4j.benchmarks;

import dev.ludovic.netlib.blas.BLAS;
import io.als4j.natives.OpenBlasThreads;
import io.als4j.solve.LapackBackend;
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
 * The machine's practical floating-point peak: a large square OpenBLAS {@code dgemm} through
 * {@code dev.ludovic.netlib}, on 1 or 2 OpenBLAS threads. Every other suite's GFLOP/s is read as a
 * fraction of this (the {@code flops} counter: FLOP per second, 2n³ per call). Fails rather than
 * measuring netlib's Java fallback when no native BLAS was loaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DgemmBenchmark {
  @Param({"1024"})
  public int n;

  @Param({"1", "2"})
  public int threads;

  private BLAS blas;
  private double[] a;
  private double[] b;
  private double[] c;

  @Setup(Level.Trial)
  public void setUp() {
    LapackBackend.Status status = LapackBackend.status();
    if (!status.isNative() || status.openblasThreads() == OpenBlasThreads.NOT_OPENBLAS) {
      throw new IllegalStateException("dgemm needs native OpenBLAS: " + status.summary());
    }
    OpenBlasThreads.set(status.library().lapack(), threads);
    blas = status.blas();
    SplittableRandom random = new SplittableRandom(0);
    a = random.doubles((long) n * n, -1, 1).toArray();
    b = random.doubles((long) n * n, -1, 1).toArray();
    c = new double[n * n];
  }

  @Benchmark
  public double[] dgemm(FlopCounter counter) {
    blas.dgemm("N", "N", n, n, n, 1.0, a, n, b, n, 0.0, c, n);
    counter.flops += 2.0 * n * n * n;
    return c;
  }
}
