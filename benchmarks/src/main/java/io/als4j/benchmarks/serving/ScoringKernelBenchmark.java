package io.als4j.benchmarks.serving;

import io.als4j.kernel.ScoringKernel;
import io.als4j.kernel.ScoringKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
 * The scoring kernel alone over all 26,744 items at K = 64 (6.8 MB of float factors per call),
 * next to the machine's own limits measured the same way: {@code streamL3} reads an array of the
 * same size with the Vector API (it fits the 32 MiB L3), {@code streamDram} a 256 MB one. Divide
 * 6.8 MB by each time for GB/s; the kernel's FMA count is 26,744 × 64 per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ScoringKernelBenchmark {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  @Param({"panama", "scalar"})
  public String kernel;

  private ScoringKernel scoring;
  private float[] blocks;
  private int numBlocks;
  private float[] query;
  private float[] scores;
  private float[] large;

  @Setup
  public void setUp() {
    scoring = kernel.equals("panama") ? ScoringKernels.panama() : ScoringKernels.scalar();
    int w = scoring.blockWidth();
    numBlocks = (ServingFixture.ITEMS + w - 1) / w;
    blocks = new float[numBlocks * ServingFixture.RANK * w];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = (float) random.nextGaussian();
    }
    query = new float[ServingFixture.RANK];
    for (int c = 0; c < query.length; c++) {
      query[c] = (float) random.nextGaussian();
    }
    scores = new float[numBlocks * w];
    large = new float[64 << 20];
  }

  @Benchmark
  public float[] scoreAllItems() {
    scoring.scoreAll(blocks, numBlocks, ServingFixture.RANK, query, scores);
    return scores;
  }

  @Benchmark
  public float streamL3() {
    return sum(blocks);
  }

  @Benchmark
  public float streamDram() {
    return sum(large);
  }

  private static float sum(float[] a) {
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0;
    int i = 0;
    for (int bound = a.length - 2 * SPECIES.length(); i <= bound; i += 2 * SPECIES.length()) {
      s0 = s0.add(FloatVector.fromArray(SPECIES, a, i));
      s1 = s1.add(FloatVector.fromArray(SPECIES, a, i + SPECIES.length()));
    }
    return s0.add(s1).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }
}
