package io.als4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CompressedRows#copyEntries} gives what {@code index}/{@code value} give, from any store. */
class CompressedRowsCopyTest {
  @TempDir Path dir;

  private static RatingMatrix random(long seed) {
    RatingMatrixBuilder b = new RatingMatrixBuilder(-1, -1, false, DuplicatePolicy.ERROR);
    SplittableRandom random = new SplittableRandom(seed);
    for (int u = 0; u < 60; u++) {
      for (int i = 0; i < 45; i++) {
        if (random.nextDouble() < 0.3) {
          b.add(u, i, (float) random.nextDouble(-5, 5));
        }
      }
    }
    return b.build();
  }

  /** Every window, odd lengths and the empty one included, against the entry-by-entry reads. */
  private static void assertCopiesMatch(CompressedRows rows) {
    int[] columns = new int[40];
    float[] ratings = new float[40];
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      int count = random.nextInt(0, (int) Math.min(40, rows.entries()) + 1);
      long from = random.nextLong(0, rows.entries() - count + 1);
      rows.copyEntries(from, count, columns, ratings);
      for (int e = 0; e < count; e++) {
        assertEquals(rows.index(from + e), columns[e], "index at " + (from + e));
        assertEquals(rows.value(from + e), ratings[e], "value at " + (from + e));
      }
    }
  }

  @Test
  void copiesFromMemoryTheBuilderOwns() {
    try (RatingMatrix m = random(1)) {
      assertTrue(m.byUser().indicesStore().isDirectMemory());
      assertCopiesMatch(m.byUser());
      assertCopiesMatch(m.byItem());
    }
  }

  @Test
  void copiesFromAMappedDatasetFile() throws IOException {
    Path file = dir.resolve("r.als4j");
    try (Dataset written = new Dataset(random(2), null, null)) {
      DatasetFile.write(written, file);
    }
    try (Dataset opened = DatasetFile.open(file)) {
      assertCopiesMatch(opened.ratings().byUser());
      assertCopiesMatch(opened.ratings().byItem());
    }
  }

  @Test
  void copiesFromAHeapStoreEntryByEntry() {
    int[] indices = {4, 0, 7, 3, 3};
    float[] values = {1.5f, -2f, 0.25f, 5f, 3f};
    BytesStore<?, ?> offsets = BytesStore.wrap(new byte[16]);
    offsets.writeLong(0, 0);
    offsets.writeLong(8, 5);
    BytesStore<?, ?> idx = BytesStore.wrap(new byte[4 + 20]);
    BytesStore<?, ?> val = BytesStore.wrap(new byte[4 + 20]);
    for (int e = 0; e < 5; e++) {
      idx.writeInt(4 + 4L * e, indices[e]);
      val.writeFloat(4 + 4L * e, values[e]);
    }
    CompressedRows rows = new CompressedRows(1, 8, 5, offsets, 0, idx, 4, val, 4, null, 0, false);
    assertFalse(idx.isDirectMemory());
    int[] columns = new int[5];
    float[] ratings = new float[5];
    rows.copyEntries(1, 4, columns, ratings);
    assertEquals(0, columns[0]);
    assertEquals(3, columns[3]);
    assertEquals(-2f, ratings[0]);
    assertEquals(3f, ratings[3]);
  }

  @Test
  void refusesWindowsOutsideTheEntriesOrLargerThanTheArrays() {
    try (RatingMatrix m = random(3)) {
      CompressedRows rows = m.byUser();
      int[] columns = new int[8];
      float[] ratings = new float[8];
      long n = rows.entries();
      assertThrows(IndexOutOfBoundsException.class, () -> rows.copyEntries(-1, 2, columns, ratings));
      assertThrows(IndexOutOfBoundsException.class, () -> rows.copyEntries(n - 1, 2, columns, ratings));
      assertThrows(IndexOutOfBoundsException.class, () -> rows.copyEntries(0, 9, columns, ratings));
      assertThrows(IndexOutOfBoundsException.class,
          () -> rows.copyEntries(0, 8, columns, new float[7]));
      assertThrows(IndexOutOfBoundsException.class, () -> rows.copyEntries(0, -1, columns, ratings));
      rows.copyEntries(n - 8, 8, columns, ratings);
      assertEquals(rows.index(n - 1), columns[7]);
    }
  }
}
