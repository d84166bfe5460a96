package io.als4j.serve;

import io.als4j.train.FoldIn;

/**
 * One thread's reusable buffers for {@link Recommender} calls, and where the last call's results
 * are: {@link #count()} items, best first. Create one per thread with {@link
 * Recommender#newContext(int)} and reuse it: calls then allocate nothing. Not thread-safe.
 */
public final class ServingContext {
  final Recommender owner;
  final int maxResults;
  final float[] scores;
  final float[] query;
  final double[] vector;
  final int[] heapItems;
  final float[] heapScores;
  final int[] resultItems;
  final float[] resultScores;
  final FoldIn foldIn;
  /** Per item, the stamp of the last input that named it: finds repeated items in O(count). */
  final int[] itemStamps;
  private int stamp;
  int count;

  ServingContext(
      Recommender owner, int maxResults, int scoreLength, int numItems, int rank, FoldIn foldIn) {
    this.owner = owner;
    this.maxResults = maxResults;
    this.scores = new float[scoreLength];
    // one more for the constant that scores the item offsets of a model with biases
    this.query = new float[rank + 1];
    this.vector = new double[rank + 1];
    this.heapItems = new int[maxResults];
    this.heapScores = new float[maxResults];
    this.resultItems = new int[maxResults];
    this.resultScores = new float[maxResults];
    this.foldIn = foldIn;
    this.itemStamps = new int[numItems];
  }

  int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(itemStamps, 0);
      stamp = 1;
    }
    return stamp;
  }

  /** Number of results of the last call. */
  public int count() {
    return count;
  }

  /** The i-th best item (dense index) of the last call. */
  public int item(int i) {
    checkIndex(i);
    return resultItems[i];
  }

  /** The i-th best score of the last call. */
  public float score(int i) {
    checkIndex(i);
    return resultScores[i];
  }

  /** The largest n this context can serve. */
  public int maxResults() {
    return maxResults;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("result: " + i + " (expected: 0.." + (count - 1) + ")");
    }
  }
}
