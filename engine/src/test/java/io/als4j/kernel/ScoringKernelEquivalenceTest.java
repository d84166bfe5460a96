package io.als4j.kernel;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.als4j.testing.TestSeeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Panama scoring kernel against the scalar one, for k from 1 to 70 and block counts around the
 * 4-block unroll. Both add the k products of an item in the same order and differ only by FMA
 * rounding, at most about ε_float = 6e-8 per addition; the tolerance is 2e-5 × Σ|products|
 * (k ≤ 128 additions: 128·6e-8 ≈ 8e-6, with margin).
 */
class ScoringKernelEquivalenceTest {

  @Test
  void panamaMatchesScalar() {
    assumeTrue(GramKernels.panamaAvailable(), "the Vector API module is not in this JVM");
    ScoringKernel panama = ScoringKernels.panama();
    ScoringKernel scalar = new ScalarScoringKernel(panama.blockWidth());
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int k = 1; k <= 70; k++) {
      for (int blocks : new int[] {0, 1, 3, 4, 5, 8, 11}) {
        compare(scalar, panama, k, blocks, random);
      }
    }
    compare(scalar, panama, 128, 9, random);
  }

  @Test
  void firstAboveMatchesScalarIncludingNaNAndTails() {
    assumeTrue(GramKernels.panamaAvailable(), "the Vector API module is not in this JVM");
    ScoringKernel panama = ScoringKernels.panama();
    ScoringKernel scalar = ScoringKernels.scalar();
    SplittableRandom random = new SplittableRandom(TestSeeds.base());
    for (int round = 0; round < 2000; round++) {
      int length = random.nextInt(40);
      float[] scores = new float[length];
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(10);
        scores[j] = kind == 0 ? Float.NaN : kind == 1 ? Float.NEGATIVE_INFINITY
            : random.nextInt(9) - 4;
      }
      int from = length == 0 ? 0 : random.nextInt(length + 1);
      int to = from + random.nextInt(length - from + 1);
      float threshold = random.nextInt(9) - 4;
      int expected = scalar.firstAbove(scores, from, to, threshold);
      int actual = panama.firstAbove(scores, from, to, threshold);
      if (expected != actual) {
        fail("round " + round + ": panama " + actual + " vs scalar " + expected);
      }
    }
  }

  private static void compare(
      ScoringKernel scalar, ScoringKernel panama, int k, int numBlocks, SplittableRandom random) {
    int w = panama.blockWidth();
    float[] blocks = new float[Math.max(1, numBlocks * k * w)];
    for (int i = 0; i < numBlocks * k * w; i++) {
      blocks[i] = (float) (2 * random.nextDouble() - 1);
    }
    float[] query = new float[k];
    for (int c = 0; c < k; c++) {
      query[c] = (float) (2 * random.nextDouble() - 1);
    }
    float[] expected = new float[Math.max(1, numBlocks * w)];
    float[] actual = new float[expected.length];
    scalar.scoreAll(blocks, numBlocks, k, query, expected);
    panama.scoreAll(blocks, numBlocks, k, query, actual);
    for (int b = 0; b < numBlocks; b++) {
      for (int l = 0; l < w; l++) {
        double magnitude = 0;
        for (int c = 0; c < k; c++) {
          magnitude += Math.abs(query[c] * blocks[(b * k + c) * w + l]);
        }
        int j = b * w + l;
        if (!(Math.abs(actual[j] - expected[j]) <= 2e-5 * magnitude)) {
          fail("k=" + k + " blocks=" + numBlocks + " item " + j + ": panama " + actual[j]
              + " vs scalar " + expected[j] + " (seed " + TestSeeds.base() + ")");
        }
      }
    }
  }
}
