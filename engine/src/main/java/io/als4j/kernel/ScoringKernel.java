package io.als4j.kernel;

/**
 * Scores every item against one query vector: the inner loop of top-N recommendation and of
 * similar items.
 *
 * <p>Layout contract. Items are stored in blocks of {@link #blockWidth()} items, transposed: in
 * block b, component c of item {@code b*W + l} is at {@code blocks[(b*k + c)*W + l]}. Then one
 * vector load holds the same component of W items, and a block's W scores build up in one vector
 * accumulator with no horizontal sum. Items past the last real one are zero. After the call
 * {@code scores[b*W + l]} = Σ_c query[c]·item[c] (float) for every block b &lt; numBlocks.
 *
 * <p>Stateless and thread-safe.
 */
public interface ScoringKernel {

  /** Items per block, W. */
  int blockWidth();

  void scoreAll(float[] blocks, int numBlocks, int k, float[] query, float[] scores);

  /**
   * The first index {@code j} in {@code [from, to)} with {@code scores[j] > threshold}, or {@code
   * to} if there is none. NaN is never above. Lets top-N selection skip, a vector at a time, the
   * items that cannot enter a full heap.
   */
  int firstAbove(float[] scores, int from, int to, float threshold);

  String description();
}
