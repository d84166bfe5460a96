package io.als4j.benchmarks;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.data.RatingMatrix;
import io.als4j.natives.OpenBlasThreads;
import io.als4j.solve.LapackBackend;
import io.als4j.tools.synth.SyntheticRatings;
import io.als4j.tools.synth.SyntheticSpec;
import io.als4j.train.AlsConfig;
import io.als4j.train.AlsTrainer;
import io.als4j.train.FactorPrecision;
import io.als4j.train.TrainingRun;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full ALS iteration (user half-sweep, then item half-sweep), and the user half-sweep alone, on
 * generated data with a published shape and power-law degrees: {@code ml-1m} (6,040 users, 3,706
 * items, 1,000,209 ratings) or {@code ml-20m} (138,493 users, 26,744 items, 20,000,263 ratings,
 * where the heavy users and items and the factor gathers out of L2 matter). Reports operations per
 * second and, as counters, training ratings per second ({@code ratings}) and floating-point
 * operations per second ({@code flops}: Gram, right-hand sides and Cholesky).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class IterationBenchmark {
  /** A generator preset: "ml-1m" or "ml-20m". */
  @Param({"ml-1m"})
  public String shape;

  @Param({"scalar", "panama"})
  public String kernel;

  @Param({"10", "32"})
  public int k;

  @Param({"1", "2"})
  public int threads;

  /** "native" (whatever LapackBackend loaded; fails if that is Java) or "java" (netlib's F2j). */
  @Param({"native"})
  public String lapack;

  /** Row solves: "kernel" (als4j's Cholesky kernel), "lapack" (dposv) or "auto" (see SpdSolvers). */
  @Param({"auto"})
  public String solver;

  /** How the trainer keeps its factors: "float" (the default) or "double". */
  @Param({"float"})
  public String factors;

  /** OpenBLAS's own threads during the run (als4j's default is 1). */
  @Param({"1"})
  public int openblasThreads;

  private RatingMatrix ratings;
  private ForkJoinPool pool;
  private AlsTrainer trainer;
  private TrainingRun run;

  /** Work done, reported by JMH as rates. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Work {
    public double flops;
    public double ratings;
  }

  @Setup(Level.Trial)
  public void setUp() {
    ratings = SyntheticRatings.generate(SyntheticSpec.preset(shape, 42)).ratings().toMatrix();
    pool = new ForkJoinPool(threads);
    System.setProperty(io.als4j.internal.Als4jProperties.SOLVER, solver);
    AlsConfig config = AlsConfig.builder().biases(false).rank(k).threads(threads)
        .factorPrecision(FactorPrecision.valueOf(factors.toUpperCase(java.util.Locale.ROOT)))
        .build();
    trainer = new AlsTrainer(config, pool, KernelChoice.named(kernel), lapackNamed(lapack));
    LapackBackend.Status status = LapackBackend.status();
    if (status.isNative() && status.openblasThreads() != OpenBlasThreads.NOT_OPENBLAS) {
      OpenBlasThreads.set(status.library().lapack(), openblasThreads);
    }
    run = trainer.start(ratings);
  }

  private static LAPACK lapackNamed(String name) {
    switch (name) {
      case "java":
        return JavaLAPACK.getInstance();
      case "native":
        if (!LapackBackend.isNative()) {
          throw new IllegalStateException("lapack=native but " + LapackBackend.status().summary());
        }
        return LapackBackend.lapack();
      default:
        throw new IllegalArgumentException("lapack: " + name + " (expected: native or java)");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trainer.close();
    pool.shutdown();
    ratings.close();
  }

  @Benchmark
  public TrainingRun iteration(Work work) {
    run.sweepUsers();
    run.sweepItems();
    work.flops += run.flopsPerIteration();
    work.ratings += run.numRatings();
    return run;
  }

  /** The user half-sweep alone: every user solved against the fixed item factors. */
  @Benchmark
  public TrainingRun userHalfSweep(Work work) {
    run.sweepUsers();
    work.flops += run.userSweepFlops();
    work.ratings += run.numRatings();
    return run;
  }
}
