package io.als4j.kernel;

import io.als4j.internal.Als4jProperties;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScoringKernel} on the Vector API. One FMA adds component c of W items at once; four blocks
 * are scored side by side so that four independent FMA chains hide the FMA latency (one chain
 * would wait 4 cycles per component). Loaded by name from {@link ScoringKernels}.
 */
final class PanamaScoringKernel implements ScoringKernel {
  private static final VectorSpecies<Float> SPECIES = species();
  private static final int W = SPECIES.length();

  private static VectorSpecies<Float> species() {
    String bits = System.getProperty(Als4jProperties.VECTOR_BITS);
    if (bits == null || bits.isBlank()) {
      return FloatVector.SPECIES_PREFERRED;
    }
    return VectorSpecies.of(float.class, VectorShape.forBitSize(Integer.parseInt(bits.trim())));
  }

  @Override
  public int blockWidth() {
    return W;
  }

  @Override
  public void scoreAll(float[] blocks, int numBlocks, int k, float[] query, float[] scores) {
    assert blocks.length >= numBlocks * k * W && scores.length >= numBlocks * W;
    final int step = k * W;
    int b = 0;
    for (; b + 4 <= numBlocks; b += 4) {
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      int at = b * step;
      for (int c = 0; c < k; c++, at += W) {
        FloatVector q = FloatVector.broadcast(SPECIES, query[c]);
        s0 = FloatVector.fromArray(SPECIES, blocks, at).fma(q, s0);
        s1 = FloatVector.fromArray(SPECIES, blocks, at + step).fma(q, s1);
        s2 = FloatVector.fromArray(SPECIES, blocks, at + 2 * step).fma(q, s2);
        s3 = FloatVector.fromArray(SPECIES, blocks, at + 3 * step).fma(q, s3);
      }
      s0.intoArray(scores, b * W);
      s1.intoArray(scores, (b + 1) * W);
      s2.intoArray(scores, (b + 2) * W);
      s3.intoArray(scores, (b + 3) * W);
    }
    // the last 0-3 blocks, one chain each
    for (; b < numBlocks; b++) {
      FloatVector s = FloatVector.zero(SPECIES);
      for (int c = 0, at = b * step; c < k; c++, at += W) {
        s = FloatVector.fromArray(SPECIES, blocks, at).fma(FloatVector.broadcast(SPECIES, query[c]), s);
      }
      s.intoArray(scores, b * W);
    }
  }

  @Override
  public int firstAbove(float[] scores, int from, int to, float threshold) {
    int j = from;
    for (int bound = to - W; j <= bound; j += W) {
      VectorMask<Float> above =
          FloatVector.fromArray(SPECIES, scores, j).compare(VectorOperators.GT, threshold);
      if (above.anyTrue()) {
        return j + above.firstTrue();
      }
    }
    // scalar tail
    for (; j < to; j++) {
      if (scores[j] > threshold) {
        return j;
      }
    }
    return to;
  }

  @Override
  public String description() {
    return "Panama " + SPECIES.vectorBitSize() + "-bit (" + W + " float lanes, FMA)";
  }
}
