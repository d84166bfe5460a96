package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.data.RatingMatrixBuilder;
import org.junit.jupiter.api.Test;

class RowPartitionTest {

  @Test
  void heavyRowsGetChunksOfTheirOwnAndCostsBalance() {
    // 1 user with 500 ratings, 499 users with 1: by row count the first chunk would hold all the
    // work.
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(500, 500)) {
      for (int j = 0; j < 500; j++) {
        b.add(0, j, 1f);
      }
      for (int i = 1; i < 500; i++) {
        b.add(i, i, 1f);
      }
      try (RatingMatrix m = b.build()) {
        int rank = 4;
        RowPartition p = RowPartition.byCost(m.byUser(), rank, 8);
        assertEquals(8, p.chunks());
        assertEquals(0, p.from(0));
        assertEquals(1, p.to(0), "the heavy row alone in the first chunk");
        long total = 0;
        long[] costs = new long[p.chunks()];
        for (int c = 0; c < p.chunks(); c++) {
          assertTrue(p.from(c) < p.to(c), "chunk " + c + " is empty");
          if (c > 0) {
            assertEquals(p.to(c - 1), p.from(c), "chunks must be contiguous");
          }
          for (int r = p.from(c); r < p.to(c); r++) {
            costs[c] += m.byUser().degree(r) * 16L + 64;
          }
          total += costs[c];
        }
        assertEquals(500, p.to(p.chunks() - 1));
        long share = total / 8;
        long heaviestRow = 500 * 16L + 64;
        for (int c = 1; c < p.chunks(); c++) {
          assertTrue(costs[c] <= share + heaviestRow, "chunk " + c + " cost " + costs[c]);
        }
      }
    }
  }

  @Test
  void neverMoreChunksThanRows() {
    try (RatingMatrix m = new RatingMatrixBuilder(3, 3).build()) {
      assertEquals(3, RowPartition.byCost(m.byUser(), 5, 1024).chunks());
    }
    try (RatingMatrix m = new RatingMatrixBuilder(0, 3).build()) {
      RowPartition p = RowPartition.byCost(m.byUser(), 5, 1024);
      assertEquals(1, p.chunks());
      assertEquals(0, p.to(0));
    }
  }
}
