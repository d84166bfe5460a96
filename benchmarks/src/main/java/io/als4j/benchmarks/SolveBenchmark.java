package io.als4j.benchmarks;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.solve.LapackBackend;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.netlib.util.intW;
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
 * One K×K symmetric positive definite solve with {@code dposv}, as every row solve does. dposv
 * overwrites its inputs, so each call first copies them; {@code copyOnly} measures that copy alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SolveBenchmark {
  @Param({"10", "32", "64"})
  public int k;

  @Param({"native", "java"})
  public String lapack;

  private LAPACK impl;
  private double[] a;
  private double[] b;
  private double[] work;
  private double[] x;
  private final intW info = new intW(0);

  @Setup
  public void setUp() {
    impl = lapack.equals("java") ? JavaLAPACK.getInstance() : LapackBackend.lapack();
    if (lapack.equals("native") && !LapackBackend.isNative()) {
      throw new IllegalStateException("lapack=native but " + LapackBackend.status().summary());
    }
    SplittableRandom random = new SplittableRandom(3);
    double[] m = new double[k * k];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextDouble() - 0.5;
    }
    a = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = i == j ? k : 0;
        for (int r = 0; r < k; r++) {
          s += m[r * k + i] * m[r * k + j];
        }
        a[i + j * k] = s;
      }
    }
    b = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = random.nextDouble();
    }
    work = new double[k * k];
    x = new double[k];
  }

  @Benchmark
  public double[] dposv() {
    System.arraycopy(a, 0, work, 0, a.length);
    System.arraycopy(b, 0, x, 0, b.length);
    impl.dposv("U", k, 1, work, k, x, k, info);
    return x;
  }

  @Benchmark
  public double[] copyOnly() {
    System.arraycopy(a, 0, work, 0, a.length);
    System.arraycopy(b, 0, x, 0, b.length);
    return x;
  }
}
