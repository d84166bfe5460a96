package io.als4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.store.CorruptStoreException;
import io.als4j.store.StoreKind;
import io.als4j.store.StoreWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFileTest {
  @TempDir Path dir;

  private static Dataset sample(boolean stringIds) {
    RatingMatrixBuilder b = new RatingMatrixBuilder(-1, -1, true, DuplicatePolicy.ERROR);
    java.util.SplittableRandom random = new java.util.SplittableRandom(9);
    for (int u = 0; u < 40; u++) {
      for (int i = 0; i < 30; i++) {
        if (random.nextDouble() < 0.25) {
          b.add(u, i, 0.5f * (1 + random.nextInt(10)), 1_000_000_000L + random.nextInt(1 << 20));
        }
      }
    }
    long[] users = new long[40];
    String[] items = new String[30];
    for (int u = 0; u < 40; u++) {
      users[u] = 9_000_000_000L + u;
    }
    for (int i = 0; i < 30; i++) {
      items[i] = "item-" + i + "-é";
    }
    return new Dataset(
        b.build(), ExternalIds.ofNumbers(users),
        stringIds ? ExternalIds.ofNames(items) : null);
  }

  @Test
  void roundTripsRatingsTimestampsAndIdsThroughAMapping() throws IOException {
    Path file = dir.resolve("ratings.als4j");
    try (Dataset original = sample(true)) {
      DatasetFile.write(original, file);
      assertTrue(DatasetFile.looksLikeStore(file));
      try (Dataset opened = DatasetFile.open(file)) {
        RatingMatrix a = original.ratings();
        RatingMatrix b = opened.ratings();
        assertEquals(a.numUsers(), b.numUsers());
        assertEquals(a.numItems(), b.numItems());
        assertEquals(a.numRatings(), b.numRatings());
        for (CompressedRows[] pair : new CompressedRows[][] {{a.byUser(), b.byUser()},
            {a.byItem(), b.byItem()}}) {
          for (int r = 0; r < pair[0].rows(); r++) {
            assertEquals(pair[0].start(r), pair[1].start(r));
            assertEquals(pair[0].end(r), pair[1].end(r));
          }
          for (long pos = 0; pos < pair[0].entries(); pos++) {
            assertEquals(pair[0].index(pos), pair[1].index(pos));
            assertEquals(pair[0].value(pos), pair[1].value(pos));
          }
        }
        for (long pos = 0; pos < a.numRatings(); pos++) {
          assertEquals(a.byUser().time(pos), b.byUser().time(pos));
        }
        assertFalse(b.byItem().hasTimes());
        assertEquals(original.userIds(), opened.userIds());
        assertEquals(original.itemIds(), opened.itemIds());
        assertEquals("item-7-é", opened.itemIds().name(7));
      }
    }
  }

  @Test
  void missingIdsStayMissing() throws IOException {
    Path file = dir.resolve("no-items.als4j");
    try (Dataset original = sample(false)) {
      DatasetFile.write(original, file);
      try (Dataset opened = DatasetFile.open(file)) {
        assertEquals(null, opened.itemIds());
        assertTrue(opened.userIds().numeric());
      }
    }
  }

  @Test
  void truncatedDamagedAndOtherKindsAreRefused() throws IOException {
    Path file = dir.resolve("t.als4j");
    try (Dataset original = sample(true)) {
      DatasetFile.write(original, file);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(Files.size(file) - 1);
    }
    assertTrue(
        assertThrows(CorruptStoreException.class, () -> DatasetFile.open(file)).getMessage()
            .contains("truncated"));
    Path model = dir.resolve("m.als");
    try (StoreWriter w = StoreWriter.create(model, StoreKind.MODEL, 1)) {
      w.commit();
    }
    assertEquals(
        model + ": is a model, expected a dataset store",
        assertThrows(CorruptStoreException.class, () -> DatasetFile.open(model)).getMessage());
    Path text = Files.writeString(dir.resolve("r.csv"), "1,2,3\n");
    assertFalse(DatasetFile.looksLikeStore(text));
  }
}
