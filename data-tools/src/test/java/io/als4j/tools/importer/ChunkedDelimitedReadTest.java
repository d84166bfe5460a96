package io.als4j.tools.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.CompressedRows;
import io.als4j.data.Dataset;
import io.als4j.data.DuplicatePolicy;
import io.als4j.tools.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file parsed in chunks on several threads gives exactly what one thread reading it gives: the
 * same ratings in the same positions, the same dictionaries, duplicates resolved in input order,
 * and errors naming the same line of the file.
 */
class ChunkedDelimitedReadTest {
  @TempDir Path dir;
  private final long savedMin = ChunkedDelimitedRead.minChunkBytes;
  private final int savedMax = ChunkedDelimitedRead.maxChunks;

  @AfterEach
  void restore() {
    ChunkedDelimitedRead.minChunkBytes = savedMin;
    ChunkedDelimitedRead.maxChunks = savedMax;
  }

  /** Ratings text: {@code users} users' lines, grouped or shuffled, with some pairs rated twice. */
  private Path ratings(String name, String header, String separator, boolean grouped,
      boolean stringIds, int badLine) throws IOException {
    Random random = new Random(name.hashCode());
    List<String> lines = new ArrayList<>();
    for (int u = 0; u < 300; u++) {
      int degree = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
      for (int k = 0; k < degree; k++) {
        long user = 1000 + u * 7L;
        long item = 5 + random.nextInt(400) * 3L;
        String id = stringIds ? "u" + user : Long.toString(user);
        String itemId = stringIds ? "m" + item : Long.toString(item);
        lines.add(id + separator + itemId + separator + (1 + random.nextInt(9)) / 2.0 + separator
            + (800_000_000L + random.nextInt(1_000_000)));
      }
    }
    if (!grouped) {
      java.util.Collections.shuffle(lines, random);
    }
    if (badLine >= 0) {
      lines.set(badLine, "17" + separator + "oops");
    }
    StringBuilder text = new StringBuilder(header == null ? "" : header + "\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return Files.writeString(dir.resolve(name), text);
  }

  private static ImportResult importWith(Path file, ImportOptions options, int chunks)
      throws IOException {
    ChunkedDelimitedRead.maxChunks = chunks;
    ChunkedDelimitedRead.minChunkBytes = chunks == 1 ? Long.MAX_VALUE : 1;
    return Importer.run(List.of(file), options);
  }

  private static List<String> dump(Dataset d) {
    List<String> out = new ArrayList<>();
    for (CompressedRows rows : List.of(d.ratings().byUser(), d.ratings().byItem())) {
      for (int r = 0; r < rows.rows(); r++) {
        for (long p = rows.start(r); p < rows.end(r); p++) {
          out.add(r + ":" + rows.index(p) + "=" + rows.value(p)
              + (rows.hasTimes() ? "@" + rows.time(p) : ""));
        }
      }
    }
    return out;
  }

  private static void assertSameImport(Path file, ImportOptions options) throws IOException {
    ImportResult one = importWith(file, options, 1);
    for (int chunks : new int[] {2, 3, 7}) {
      ImportResult many = importWith(file, options, chunks);
      try (Dataset a = many.dataset()) {
        String where = file.getFileName() + " in " + chunks + " chunks";
        assertEquals(dump(one.dataset()), dump(a), where);
        assertEquals(one.dataset().userIds(), a.userIds(), where);
        assertEquals(one.dataset().itemIds(), a.itemIds(), where);
        assertEquals(one.lines(), many.lines(), where);
        assertEquals(one.bytes(), many.bytes(), where);
        assertEquals(one.duplicatesMerged(), many.duplicatesMerged(), where);
        assertEquals(one.skipped(), many.skipped(), where);
        assertEquals(one.skippedExamples(), many.skippedExamples(), where);
      }
    }
    one.dataset().close();
  }

  @Test
  void movieLensCsvGroupedByUserWithDuplicatesKeptLast() throws IOException {
    Path file = ratings("ratings.csv", "userId,movieId,rating,timestamp", ",", true, false, -1);
    ImportOptions last = new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, false,
        DuplicatePolicy.LAST, Double.NaN, Double.NaN);
    assertSameImport(file, last);
    assertTrue(importWith(file, last, 1).duplicatesMerged() > 0, "the fixture has duplicates");
  }

  @Test
  void shuffledTabSeparatedLinesAndStringIds() throws IOException {
    ImportOptions mean = new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, false,
        DuplicatePolicy.MEAN, Double.NaN, Double.NaN);
    assertSameImport(ratings("u.data", null, "\t", false, false, -1), mean);
    ImportOptions csv = new ImportOptions(Format.CSV, ",", 0, 1, 2, 3, false, null, false,
        DuplicatePolicy.MEAN, Double.NaN, Double.NaN);
    assertSameImport(ratings("names.csv", null, ",", false, true, -1), csv);
  }

  @Test
  void aMalformedLineInALaterChunkIsReportedWithItsLineInTheFile() throws IOException {
    Path file = ratings("bad.csv", "userId,movieId,rating,timestamp", ",", true, false, 2_000);
    InputFormatException single = assertThrows(InputFormatException.class,
        () -> importWith(file, ImportOptions.defaults(), 1));
    assertTrue(single.getMessage().contains("bad.csv:2002: "), single.getMessage());
    for (int chunks : new int[] {2, 5}) {
      InputFormatException chunked = assertThrows(InputFormatException.class,
          () -> importWith(file, ImportOptions.defaults(), chunks));
      assertEquals(single.getMessage(), chunked.getMessage());
    }
    ImportOptions skip = new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, true,
        DuplicatePolicy.LAST, Double.NaN, Double.NaN);
    assertSameImport(file, skip);
    assertEquals(1, importWith(file, skip, 3).skipped());
  }

  /** Several files, each cut into chunks, build on what the files before them left. */
  @Test
  void aFolderOfFilesEachReadInChunks() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("parts"));
    Path first = ratings("a.tsv", null, "\t", true, false, -1);
    Path second = ratings("b.tsv", null, "\t", false, false, -1);
    Files.move(first, folder.resolve("a.tsv"));
    Files.move(second, folder.resolve("b.tsv"));
    ImportOptions last = new ImportOptions(Format.CSV, "\t", 0, 1, 2, 3, false, null, false,
        DuplicatePolicy.LAST, Double.NaN, Double.NaN);
    ImportResult one = importWith(folder, last, 1);
    for (int chunks : new int[] {2, 4}) {
      ImportResult many = importWith(folder, last, chunks);
      try (Dataset a = many.dataset()) {
        assertEquals(dump(one.dataset()), dump(a), chunks + " chunks per file");
        assertEquals(one.dataset().userIds(), a.userIds());
        assertEquals(one.dataset().itemIds(), a.itemIds());
        assertEquals(one.duplicatesMerged(), many.duplicatesMerged());
        assertEquals(one.lines(), many.lines());
      }
    }
    one.dataset().close();
  }

  @Test
  void boundariesFallJustAfterLineEnds() throws IOException {
    Path file = Files.writeString(dir.resolve("b.txt"), "aa\nbbbb\n\nc\nddddddddd\n");
    long[] bounds = ChunkedDelimitedRead.boundaries(file, 4);
    assertEquals(0, bounds[0]);
    assertEquals(Files.size(file), bounds[4]);
    byte[] bytes = Files.readAllBytes(file);
    for (int c = 1; c < 4; c++) {
      assertTrue(bounds[c] >= bounds[c - 1]);
      assertTrue(bounds[c] == bytes.length || bytes[(int) bounds[c] - 1] == '\n',
          "chunk " + c + " starts at " + bounds[c]);
    }
  }
}
