package io.als4j.serve;

import io.als4j.kernel.ScoringKernel;

/**
 * Bounded selection of the n best scores, without sorting all items: a min-heap of the n best so
 * far, whose root is the worst of them, so each candidate costs one comparison unless it enters.
 * "Better" means a higher score, and for equal scores the lower item index, so results are
 * deterministic. Items scored −∞ (excluded) or NaN are skipped. Allocates nothing.
 */
final class TopN {
  private TopN() {}

  /**
   * Selects from {@code scores[0..m)} into {@code outItems/outScores}, best first.
   *
   * <p>Items are visited in index order, so every item already in the heap has a lower index than
   * the current one: once the heap is full, an item can only enter with a score strictly above the
   * root's. {@link ScoringKernel#firstAbove} finds the next such item a vector at a time.
   *
   * @return the number of results, at most n
   */
  static int select(
      ScoringKernel kernel, float[] scores, int m, int n, ItemFilter filter, int[] heapItems,
      float[] heapScores, int[] outItems, float[] outScores) {
    int size = 0;
    int j = 0;
    while (j < m) {
      if (size == n) {
        j = kernel.firstAbove(scores, j, m, heapScores[0]);
        if (j == m) {
          break;
        }
      }
      final float s = scores[j];
      if (s > Float.NEGATIVE_INFINITY && (filter == null || filter.allow(j))) {
        if (size < n) {
          heapItems[size] = j;
          heapScores[size] = s;
          siftUp(heapItems, heapScores, size++);
        } else {
          heapItems[0] = j;
          heapScores[0] = s;
          siftDown(heapItems, heapScores, 0, size);
        }
      }
      j++;
    }
    // Pop the worst into the last free slot until empty: best first.
    for (int left = size; left > 0; left--) {
      outItems[left - 1] = heapItems[0];
      outScores[left - 1] = heapScores[0];
      heapItems[0] = heapItems[left - 1];
      heapScores[0] = heapScores[left - 1];
      siftDown(heapItems, heapScores, 0, left - 1);
    }
    return size;
  }

  static boolean better(float s1, int i1, float s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private static void siftUp(int[] items, float[] scores, int at) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!better(scores[parent], items[parent], scores[at], items[at])) {
        return;
      }
      swap(items, scores, at, parent);
      at = parent;
    }
  }

  private static void siftDown(int[] items, float[] scores, int at, int size) {
    while (true) {
      int worst = at;
      int left = 2 * at + 1;
      int right = left + 1;
      if (left < size && better(scores[worst], items[worst], scores[left], items[left])) {
        worst = left;
      }
      if (right < size && better(scores[worst], items[worst], scores[right], items[right])) {
        worst = right;
      }
      if (worst == at) {
        return;
      }
      swap(items, scores, at, worst);
      at = worst;
    }
  }

  private static void swap(int[] items, float[] scores, int a, int b) {
    int i = items[a];
    items[a] = items[b];
    items[b] = i;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
