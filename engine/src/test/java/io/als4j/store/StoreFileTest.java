package io.als4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {
  @TempDir Path dir;

  private Path writeSample(Path file, StoreKind kind, int version) throws IOException {
    try (StoreWriter w = StoreWriter.create(file, kind, version)) {
      w.beginSection(7);
      w.writeInt(42);
      w.writeDoubles(new double[] {1.5, -2.25, Math.PI}, 0, 3);
      w.endSection();
      w.beginSection(9);
      for (long i = 0; i < 300_000; i++) {
        w.writeLong(i * i);
      }
      w.endSection();
      w.commit();
    }
    return file;
  }

  @Test
  void sectionsRoundTripAlignedAndMapped() throws IOException {
    Path file = writeSample(dir.resolve("m.als"), StoreKind.MODEL, 1);
    try (StoreReader r = StoreReader.open(file, StoreKind.MODEL, 1)) {
      assertEquals(1, r.kindVersion());
      assertEquals(0, r.offset(7) % 64);
      assertEquals(0, r.offset(9) % 64);
      assertEquals(4 + 24, r.length(7));
      assertEquals(42, r.bytes().readInt(r.offset(7)));
      assertEquals(Math.PI, r.bytes().readDouble(r.offset(7) + 4 + 16));
      assertEquals(299_999L * 299_999L, r.bytes().readLong(r.offset(9) + 8L * 299_999));
      assertFalse(r.has(8));
      assertThrows(CorruptStoreException.class, () -> r.offset(8));
    }
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    Path file = writeSample(dir.resolve("t.als"), StoreKind.MODEL, 1);
    long size = Files.size(file);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size - 100);
    }
    assertEquals(
        file + ": truncated: " + (size - 100) + " bytes on disk, the header says " + size,
        refused(file, StoreKind.MODEL));
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(10);
    }
    assertTrue(refused(file, StoreKind.MODEL).contains("truncated or not an als4j file: 10 bytes"));
  }

  @Test
  void aFlippedByteAnywhereIsRefused() throws IOException {
    for (long at : new long[] {9, 30, 70, 900, 5_000, 2_000_000}) {
      Path file = writeSample(dir.resolve("c" + at + ".als"), StoreKind.MODEL, 1);
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
        f.seek(at);
        int b = f.read();
        f.seek(at);
        f.write(b ^ 0x10);
      }
      String message = refused(file, StoreKind.MODEL);
      assertTrue(message.contains("damaged"), "byte " + at + ": " + message);
    }
  }

  @Test
  void foreignFilesOtherKindsAndNewerVersionsAreRefused() throws IOException {
    Path text = Files.writeString(dir.resolve("ratings.csv"), "1,2,3\n".repeat(200));
    assertEquals(
        text + ": not an als4j file (it does not start with ALS4JSTO)",
        refused(text, StoreKind.MODEL));
    Path dataset = writeSample(dir.resolve("d.store"), StoreKind.DATASET, 1);
    assertEquals(dataset + ": is a dataset store, expected a model", refused(dataset, StoreKind.MODEL));
    Path newer = writeSample(dir.resolve("n.als"), StoreKind.MODEL, 3);
    assertEquals(
        newer + ": model version 3, this build of als4j reads versions 1 to 1 (written by a newer"
            + " als4j)",
        refused(newer, StoreKind.MODEL));
  }

  @Test
  void withoutCommitNothingIsLeftBehindAndTheOldFileStays() throws IOException {
    Path file = writeSample(dir.resolve("keep.als"), StoreKind.MODEL, 1);
    long size = Files.size(file);
    try (StoreWriter w = StoreWriter.create(file, StoreKind.MODEL, 1)) {
      w.beginSection(1);
      w.writeLong(1);
      w.endSection();
      // an import that fails here never commits
    }
    assertEquals(size, Files.size(file), "the previous file is untouched");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    try (StoreReader r = StoreReader.open(file, StoreKind.MODEL, 1)) {
      assertEquals(42, r.bytes().readInt(r.offset(7)));
    }
  }

  private static String refused(Path file, StoreKind kind) {
    return assertThrows(CorruptStoreException.class, () -> StoreReader.open(file, kind, 1))
        .getMessage();
  }
}
