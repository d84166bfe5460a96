package io.als4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingMatrixBuilderTest {

  @Test
  void bothOrientationsHoldExactlyTheInputSortedByColumn() {
    RandomRatings data = RandomRatings.uniform(37, 23, 0.3, TestSeeds.base());
    Map<Long, Float> expected = new HashMap<>();
    for (int t = 0; t < data.size(); t++) {
      expected.put(((long) data.users[t] << 32) | data.items[t], data.ratings[t]);
    }
    try (RatingMatrix m = data.toMatrix()) {
      assertEquals(37, m.numUsers());
      assertEquals(23, m.numItems());
      assertEquals(data.size(), m.numRatings());
      assertEquals(expected, entries(m.byUser(), false));
      assertEquals(expected, entries(m.byItem(), true));
      assertSorted(m.byUser());
      assertSorted(m.byItem());
      // 8 bytes per rating per orientation plus 8 per row offset.
      long bytes = 2L * 8 * data.size() + 8L * (37 + 1) + 8L * (23 + 1);
      assertEquals(bytes, m.offHeapBytes());
    }
  }

  @Test
  void growsPastItsInitialBufferWithoutLosingRatings() {
    // 400 × 400 at 60 % is about 96,000 triples, several doublings of the 16,384-triple start.
    RandomRatings data = RandomRatings.uniform(400, 400, 0.6, TestSeeds.base());
    assertTrue(data.size() > 4 * 16_384);
    Map<Long, Float> expected = new HashMap<>();
    for (int t = 0; t < data.size(); t++) {
      expected.put(((long) data.users[t] << 32) | data.items[t], data.ratings[t]);
    }
    try (RatingMatrix m = data.toMatrix()) {
      assertEquals(expected, entries(m.byUser(), false));
      assertEquals(expected, entries(m.byItem(), true));
    }
  }

  @Test
  void inferredDimensionsAreOnePastTheLargestIndex() {
    try (RatingMatrixBuilder b = new RatingMatrixBuilder()) {
      b.add(4, 0, 1f).add(0, 9, 2f);
      try (RatingMatrix m = b.build()) {
        assertEquals(5, m.numUsers());
        assertEquals(10, m.numItems());
        assertEquals(0, m.byUser().degree(2));
        assertEquals(1, m.byItem().degree(9));
      }
    }
  }

  @Test
  void emptyInputGivesAnEmptyMatrix() {
    try (RatingMatrix m = new RatingMatrixBuilder(3, 2).build()) {
      assertEquals(0, m.numRatings());
      assertEquals(0, m.byUser().degree(2));
    }
  }

  @Test
  void rejectsNonFiniteRatingsNamingTheTriple() {
    try (RatingMatrixBuilder b = new RatingMatrixBuilder()) {
      b.add(0, 0, 3f);
      InvalidRatingException e =
          assertThrows(InvalidRatingException.class, () -> b.add(1, 2, Float.NaN));
      assertEquals(
          "rating #2 (user 1, item 2, rating NaN): rating is not a finite number", e.getMessage());
      e = assertThrows(
          InvalidRatingException.class, () -> b.add(1, 2, Float.POSITIVE_INFINITY));
      assertTrue(e.getMessage().contains("rating Infinity"), e.getMessage());
    }
  }

  @Test
  void rejectsNegativeAndOutOfRangeIndices() {
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(5, 5)) {
      assertEquals(
          "rating #1 (user -1, item 0, rating 1.0): negative user index",
          assertThrows(InvalidRatingException.class, () -> b.add(-1, 0, 1f)).getMessage());
      assertEquals(
          "rating #1 (user 0, item -3, rating 1.0): negative item index",
          assertThrows(InvalidRatingException.class, () -> b.add(0, -3, 1f)).getMessage());
      assertEquals(
          "rating #1 (user 5, item 0, rating 1.0): user index out of range (expected: < 5)",
          assertThrows(InvalidRatingException.class, () -> b.add(5, 0, 1f)).getMessage());
      assertEquals(
          "rating #1 (user 0, item 7, rating 1.0): item index out of range (expected: < 5)",
          assertThrows(InvalidRatingException.class, () -> b.add(0, 7, 1f)).getMessage());
    }
  }

  @Test
  void rejectsDuplicatePairsNamingBothRatings() {
    try (RatingMatrixBuilder b = new RatingMatrixBuilder()) {
      b.add(2, 1, 4f).add(0, 0, 1f).add(2, 3, 5f).add(2, 1, 2.5f);
      InvalidRatingException e = assertThrows(InvalidRatingException.class, b::build);
      assertEquals(
          "duplicate rating for (user 2, item 1): 4.0 and 2.5"
              + " (expected: one rating per (user, item) pair)",
          e.getMessage());
    }
  }

  @Test
  void duplicatePoliciesKeepTheLastOrTheMeanAndCount() {
    for (DuplicatePolicy policy : new DuplicatePolicy[] {DuplicatePolicy.LAST, DuplicatePolicy.MEAN}) {
      try (RatingMatrixBuilder b = new RatingMatrixBuilder(-1, -1, true, policy)) {
        b.add(2, 1, 4f, 100).add(0, 0, 1f, 5).add(2, 3, 5f, 7).add(2, 1, 2f, 50).add(2, 1, 6f, 70);
        try (RatingMatrix m = b.build()) {
          assertEquals(2, b.duplicatesMerged());
          assertEquals(3, m.numRatings());
          CompressedRows row = m.byUser();
          long pos = row.start(2);
          assertEquals(1, row.index(pos));
          assertEquals(policy == DuplicatePolicy.LAST ? 6f : 4f, row.value(pos));
          assertEquals(policy == DuplicatePolicy.LAST ? 70 : 100, row.time(pos));
          assertEquals(3, row.index(pos + 1));
          assertEquals(7, row.time(pos + 1));
          assertEquals(5, row.time(row.start(0)));
          // the item orientation agrees, and has no duplicate left
          assertEquals(1, m.byItem().degree(1));
          assertEquals(row.value(pos), m.byItem().value(m.byItem().start(1)));
        }
      }
    }
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(-1, -1, false, DuplicatePolicy.MEAN)) {
      b.add(0, 0, 1f).add(0, 0, 4f);
      try (RatingMatrix m = b.build()) {
        assertEquals(2.5f, m.byUser().value(0));
        assertTrue(!m.byUser().hasTimes());
      }
    }
  }

  @Test
  void inputGroupedByUserTakesTheFastPathToTheSameMatrix() {
    RandomRatings data = RandomRatings.uniform(60, 45, 0.3, TestSeeds.base() + 5);
    Integer[] order = new Integer[data.size()];
    for (int t = 0; t < order.length; t++) {
      order[t] = t;
    }
    // grouped by user (ascending), items within a user in shuffled order
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(data.users[a], data.users[b]));
    try (RatingMatrixBuilder grouped = new RatingMatrixBuilder(60, 45);
        RatingMatrix shuffled = data.toMatrix()) {
      for (int t : order) {
        grouped.add(data.users[t], data.items[t], data.ratings[t]);
      }
      try (RatingMatrix m = grouped.build()) {
        assertEquals(entries(shuffled.byUser(), false), entries(m.byUser(), false));
        assertEquals(entries(shuffled.byItem(), true), entries(m.byItem(), true));
        assertSorted(m.byUser());
        assertSorted(m.byItem());
      }
    }
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(-1, -1, true, DuplicatePolicy.LAST)) {
      b.add(0, 5, 1f, 10).add(0, 3, 2f, 20).add(0, 5, 4f, 30).add(1, 1, 5f, 40);
      try (RatingMatrix m = b.build()) {
        assertEquals(1, b.duplicatesMerged());
        assertEquals(2, m.byUser().degree(0));
        assertEquals(3, m.byUser().index(0));
        assertEquals(5, m.byUser().index(1));
        assertEquals(4f, m.byUser().value(1), "the later rating of (0, 5) wins");
        assertEquals(30, m.byUser().time(1));
        assertEquals(1, m.byUser().index(m.byUser().start(1)));
      }
    }
  }

  @Test
  void theParallelBuildGivesTheSameMatrix() {
    RandomRatings data = RandomRatings.uniform(120, 90, 0.3, TestSeeds.base() + 11);
    Map<Long, Float> expected;
    try (RatingMatrix single = data.toMatrix()) {
      expected = entries(single.byItem(), true);
    }
    long saved = RatingMatrixBuilder.minEntriesPerTask;
    RatingMatrixBuilder.minEntriesPerTask = 1;
    try (RatingMatrix parallel = data.toMatrix()) {
      assertEquals(expected, entries(parallel.byItem(), true));
      assertEquals(expected, entries(parallel.byUser(), false));
      assertSorted(parallel.byItem());
      assertSorted(parallel.byUser());
    } finally {
      RatingMatrixBuilder.minEntriesPerTask = saved;
    }
  }

  /**
   * Chunks of one input, each added with its own first-appearance local indices (as the parallel
   * importer's per-core dictionaries number them), concatenated through their maps: the same
   * matrix, positions, timestamps and duplicate resolution as one builder fed the whole input.
   */
  @Test
  void concatenatedPartsWithLocalIndicesBuildTheSameMatrixAsOneBuilder() {
    java.util.Random random = new java.util.Random(TestSeeds.base() + 17);
    for (boolean grouped : new boolean[] {true, false}) {
      int n = 3_000;
      int[] users = new int[n];
      int[] items = new int[n];
      for (int t = 0; t < n; t++) {
        users[t] = random.nextInt(70);
        items[t] = random.nextInt(50);
      }
      if (grouped) {
        java.util.Arrays.sort(users);
      }
      long saved = RatingMatrixBuilder.minEntriesPerTask;
      RatingMatrixBuilder.minEntriesPerTask = 500; // the parallel passes too
      try (RatingMatrixBuilder one = new RatingMatrixBuilder(-1, -1, true, DuplicatePolicy.LAST)) {
        java.util.List<RatingMatrixBuilder> parts = new java.util.ArrayList<>();
        java.util.List<int[]> userMaps = new java.util.ArrayList<>();
        java.util.List<int[]> itemMaps = new java.util.ArrayList<>();
        int[] cuts = {0, 1_000, 1_001, 2_345, n};
        for (int p = 0; p + 1 < cuts.length; p++) {
          RatingMatrixBuilder part = new RatingMatrixBuilder(-1, -1, true, DuplicatePolicy.LAST, 7);
          Map<Integer, Integer> localUser = new HashMap<>();
          Map<Integer, Integer> localItem = new HashMap<>();
          java.util.List<Integer> userMap = new java.util.ArrayList<>();
          java.util.List<Integer> itemMap = new java.util.ArrayList<>();
          for (int t = cuts[p]; t < cuts[p + 1]; t++) {
            float r = 1 + random.nextInt(5);
            long time = random.nextInt(1_000_000);
            one.add(users[t], items[t], r, time);
            int u = localUser.computeIfAbsent(users[t], g -> { userMap.add(g); return userMap.size() - 1; });
            int i = localItem.computeIfAbsent(items[t], g -> { itemMap.add(g); return itemMap.size() - 1; });
            part.add(u, i, r, time);
          }
          parts.add(part);
          userMaps.add(userMap.stream().mapToInt(Integer::intValue).toArray());
          itemMaps.add(itemMap.stream().mapToInt(Integer::intValue).toArray());
        }
        try (RatingMatrixBuilder whole = RatingMatrixBuilder.concatenate(parts, userMaps, itemMaps);
            RatingMatrix expected = one.build();
            RatingMatrix actual = whole.build()) {
          assertTrue(one.duplicatesMerged() > 0, "the input has pairs rated twice");
          assertEquals(one.duplicatesMerged(), whole.duplicatesMerged());
          assertEquals(dump(expected.byUser()), dump(actual.byUser()), "grouped " + grouped);
          assertEquals(dump(expected.byItem()), dump(actual.byItem()), "grouped " + grouped);
        } finally {
          parts.forEach(RatingMatrixBuilder::close);
        }
      } finally {
        RatingMatrixBuilder.minEntriesPerTask = saved;
      }
    }
  }

  @Test
  void concatenateRejectsAMapThatLeavesTheDeclaredDimensions() {
    RatingMatrixBuilder part = new RatingMatrixBuilder(-1, -1, false, DuplicatePolicy.ERROR);
    RatingMatrixBuilder declared = new RatingMatrixBuilder(10, 10, false, DuplicatePolicy.ERROR);
    part.add(0, 0, 1f);
    declared.add(0, 0, 1f);
    try {
      assertThrows(IllegalArgumentException.class, () -> RatingMatrixBuilder.concatenate(
          java.util.List.of(part, declared), java.util.List.of(new int[] {0}, new int[] {1}),
          java.util.List.of(new int[] {0}, new int[] {1})));
      RatingMatrixBuilder inRange = new RatingMatrixBuilder(10, 10, false, DuplicatePolicy.ERROR);
      inRange.add(0, 0, 1f);
      InvalidRatingException e = assertThrows(InvalidRatingException.class,
          () -> RatingMatrixBuilder.concatenate(java.util.List.of(inRange),
              java.util.List.of(new int[] {12}), java.util.List.of(new int[] {0})));
      assertTrue(e.getMessage().contains("user 0 maps to 12"), e.getMessage());
      inRange.close();
    } finally {
      part.close();
      declared.close();
    }
  }

  /** Every entry, in storage order: row, column, value and time. */
  private static java.util.List<String> dump(CompressedRows rows) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int r = 0; r < rows.rows(); r++) {
      for (long pos = rows.start(r); pos < rows.end(r); pos++) {
        out.add(r + ":" + rows.index(pos) + "=" + rows.value(pos)
            + (rows.hasTimes() ? "@" + rows.time(pos) : ""));
      }
    }
    return out;
  }

  @Test
  void closeFreesTheOffHeapMemoryOnce() {
    RatingMatrix m = RandomRatings.uniform(5, 5, 0.5, 1).toMatrix();
    CompressedRows byUser = m.byUser();
    assertEquals(1, byUser.indicesStore().refCount());
    m.close();
    m.close();
    assertEquals(0, byUser.indicesStore().refCount());
    assertThrows(IllegalStateException.class, m::byUser);
  }

  @Test
  void builderCannotBeReusedAfterBuild() {
    RatingMatrixBuilder b = new RatingMatrixBuilder();
    b.add(0, 0, 1f);
    b.build().close();
    assertThrows(IllegalStateException.class, () -> b.add(0, 1, 1f));
  }

  private static Map<Long, Float> entries(CompressedRows rows, boolean transposed) {
    Map<Long, Float> out = new HashMap<>();
    for (int r = 0; r < rows.rows(); r++) {
      for (long pos = rows.start(r); pos < rows.end(r); pos++) {
        long user = transposed ? rows.index(pos) : r;
        long item = transposed ? r : rows.index(pos);
        out.put((user << 32) | item, rows.value(pos));
      }
    }
    return out;
  }

  private static void assertSorted(CompressedRows rows) {
    for (int r = 0; r < rows.rows(); r++) {
      for (long pos = rows.start(r) + 1; pos < rows.end(r); pos++) {
        assertTrue(rows.index(pos - 1) < rows.index(pos), "row " + r + " not strictly sorted");
      }
    }
  }
}
