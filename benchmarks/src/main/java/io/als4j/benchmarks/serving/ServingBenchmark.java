package io.als4j.benchmarks.serving;

import io.als4j.serve.ServingContext;
import io.als4j.train.FactorPrecision;
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
 * Mean latency of the serving calls on the MovieLens-20M-sized model ({@link ServingFixture}).
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per call. For
 * percentiles under concurrency use {@code benchmarks/latency} ({@link LatencyHarness}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServingBenchmark {

  @State(Scope.Benchmark)
  public static class Model {
    /** "float" (factors as training stores them by default) or "double". */
    @Param({"float"})
    public String factors;

    ServingFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = new ServingFixture(
          42, FactorPrecision.valueOf(factors.toUpperCase(java.util.Locale.ROOT)));
    }
  }

  /** One thread's context and request cursor. */
  @State(Scope.Thread)
  public static class Caller {
    ServingContext ctx;
    double[] vector;
    int next;

    @Setup(Level.Trial)
    public void setUp(Model model) {
      ctx = model.fixture.recommender.newContext(10);
      vector = new double[ServingFixture.RANK];
    }

    int request() {
      next = (next + 1) & (ServingFixture.REQUESTS - 1);
      return next;
    }
  }

  @Benchmark
  public double predict(Model model, Caller caller) {
    int r = caller.request();
    return model.fixture.recommender.predict(model.fixture.users[r], model.fixture.items[r]);
  }

  @Benchmark
  public int recommendTop10(Model model, Caller caller) {
    int r = caller.request();
    return model.fixture.recommender.recommend(model.fixture.users[r], 10, true, null, caller.ctx);
  }

  @Benchmark
  public int similarItemsTop10(Model model, Caller caller) {
    int r = caller.request();
    return model.fixture.recommender.similarItems(model.fixture.items[r], 10, null, caller.ctx);
  }

  @Benchmark
  public double[] foldIn100(Model model, Caller caller) {
    int r = caller.request() & (model.fixture.foldInItems.length - 1);
    model.fixture.recommender.foldIn(
        model.fixture.foldInItems[r], model.fixture.foldInRatings[r],
        ServingFixture.FOLD_IN_RATINGS, caller.vector, caller.ctx);
    return caller.vector;
  }
}
