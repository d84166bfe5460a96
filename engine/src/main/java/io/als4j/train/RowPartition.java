package io.als4j.train;

import io.als4j.data.CompressedRows;

/**
 * Contiguous row ranges of about equal solve cost, the unit of parallel work.
 *
 * <p>A row with nᵢ ratings costs about nᵢK² (Gram build) + K³ (Cholesky), or nᵢ·4K(1 + steps) with
 * conjugate gradient, so on power-law data
 * splitting by row count would hand one worker the few heavy rows and leave the other idle. The
 * number of chunks is fixed by the data, never by the thread count, so reductions summed per chunk
 * in chunk order are bit-identical whatever the parallelism; with many more chunks than cores,
 * ForkJoin's work stealing evens out what the cost model misses.
 */
final class RowPartition {
  /** Enough chunks to balance any realistic core count, few enough that a chunk is not tiny. */
  static final int MAX_CHUNKS = 1024;

  private final int[] bounds;

  private RowPartition(int[] bounds) {
    this.bounds = bounds;
  }

  /** Chunks for Cholesky solves: nᵢK² + K³ per row. */
  static RowPartition byCost(CompressedRows rows, int rank, int maxChunks) {
    final long k2 = (long) rank * rank;
    return byCost(rows, k2, k2 * rank, maxChunks);
  }

  /** Chunks for the solve method of {@code config}: conjugate gradient costs about nᵢ·4K(1 + steps). */
  static RowPartition byCost(CompressedRows rows, AlsConfig config, int maxChunks) {
    if (config.solveMethod() == SolveMethod.CONJUGATE_GRADIENT) {
      final long k = config.rank();
      return byCost(rows, 4 * k * (1 + config.cgSteps()), 12 * k * config.cgSteps(), maxChunks);
    }
    return byCost(rows, config.rank(), maxChunks);
  }

  /** Chunks for a cost of {@code perRating}·nᵢ + {@code perRow} per non-empty row. */
  static RowPartition byCost(CompressedRows rows, long perRating, long perRow, int maxChunks) {
    final int n = rows.rows();
    long total = 0;
    for (int r = 0; r < n; r++) {
      total += cost(rows.degree(r), perRating, perRow);
    }
    final int chunks = (int) Math.max(1, Math.min(n, maxChunks));
    int[] bounds = new int[chunks + 1];
    int made = 0;
    long acc = 0;
    for (int r = 0; r < n && made < chunks - 1; r++) {
      acc += cost(rows.degree(r), perRating, perRow);
      // Cut after row r once the running cost reaches the next chunk's share of the total.
      if ((double) acc >= (double) total * (made + 1) / chunks) {
        bounds[++made] = r + 1;
      }
    }
    bounds[++made] = n;
    return new RowPartition(java.util.Arrays.copyOf(bounds, made + 1));
  }

  private static long cost(int degree, long perRating, long perRow) {
    // An empty row is not solved, but still visited.
    return degree == 0 ? 1 : degree * perRating + perRow;
  }

  int chunks() {
    return bounds.length - 1;
  }

  int from(int chunk) {
    return bounds[chunk];
  }

  int to(int chunk) {
    return bounds[chunk + 1];
  }
}
