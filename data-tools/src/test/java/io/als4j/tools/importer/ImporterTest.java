package io.als4j.tools.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.CompressedRows;
import io.als4j.data.Dataset;
import io.als4j.data.DuplicatePolicy;
import io.als4j.tools.InputFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path gzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static ImportResult run(Path file, ImportOptions options) throws IOException {
    return Importer.run(List.of(file), options);
  }

  /** (user id, item id) → rating, read back through the dictionaries. */
  private static Map<String, Float> ratings(Dataset d) {
    Map<String, Float> out = new HashMap<>();
    CompressedRows rows = d.ratings().byUser();
    for (int u = 0; u < rows.rows(); u++) {
      for (long pos = rows.start(u); pos < rows.end(u); pos++) {
        out.put(d.userIds().name(u) + "/" + d.itemIds().name(rows.index(pos)), rows.value(pos));
      }
    }
    return out;
  }

  private static long time(Dataset d, String userId, String itemId) {
    CompressedRows rows = d.ratings().byUser();
    for (int u = 0; u < rows.rows(); u++) {
      if (d.userIds().name(u).equals(userId)) {
        for (long pos = rows.start(u); pos < rows.end(u); pos++) {
          if (d.itemIds().name(rows.index(pos)).equals(itemId)) {
            return rows.time(pos);
          }
        }
      }
    }
    throw new AssertionError(userId + "/" + itemId + " not found");
  }

  /**
   * Dense indices follow the ids' ascending order, not the file's: the same ratings in any line
   * order make the same matrix, and rows sorted by item id need no sorting.
   */
  @Test
  void denseIndicesFollowAscendingIdsWhateverTheLineOrder() throws IOException {
    String[] lines = {"30\t7\t1", "30\t900\t2", "4\t900\t3", "1000\t7\t4", "4\t55\t5"};
    Path inOrder = write("a.tsv", String.join("\n", lines) + "\n");
    List<String> reversed = new java.util.ArrayList<>(List.of(lines));
    java.util.Collections.reverse(reversed);
    Path backwards = write("b.tsv", String.join("\n", reversed) + "\n");
    ImportOptions tsv = ImportOptions.defaults().withFormat(Format.CSV);
    try (Dataset a = run(inOrder, tsv).dataset(); Dataset b = run(backwards, tsv).dataset()) {
      assertEquals(io.als4j.data.ExternalIds.ofNumbers(new long[] {4, 30, 1000}), a.userIds());
      assertEquals(io.als4j.data.ExternalIds.ofNumbers(new long[] {7, 55, 900}), a.itemIds());
      assertEquals(a.userIds(), b.userIds());
      assertEquals(a.itemIds(), b.itemIds());
      CompressedRows ra = a.ratings().byUser();
      CompressedRows rb = b.ratings().byUser();
      for (long p = 0; p < 5; p++) {
        assertEquals(ra.index(p), rb.index(p));
        assertEquals(ra.value(p), rb.value(p));
      }
      assertEquals(ratings(a), ratings(b));
      assertEquals(3f, ratings(a).get("4/900"));
    }
    Path names = write("n.csv", "zed,b,1\nann,a,2\nmia,c,3\n");
    try (Dataset d = run(names, ImportOptions.defaults().withFormat(Format.CSV)).dataset()) {
      assertEquals(io.als4j.data.ExternalIds.ofNames(new String[] {"ann", "mia", "zed"}),
          d.userIds());
      assertEquals(2f, ratings(d).get("ann/a"));
    }
  }

  @Test
  void movieLens100kTabSeparatedWithTimestamps() throws IOException {
    Path f = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n");
    try (Dataset d = run(f, ImportOptions.defaults()).dataset()) {
      assertEquals(Map.of("196/242", 3f, "186/302", 3f, "22/377", 1f), ratings(d));
      assertEquals(881250949L, time(d, "196", "242"));
    }
    assertEquals(Format.ML_100K, Importer.detect(f));
  }

  @Test
  void movieLensDatAndCsvGzipped() throws IOException {
    Path dat = gzip("ratings.dat.gz", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::1\n");
    ImportResult r = run(dat, ImportOptions.defaults());
    try (Dataset d = r.dataset()) {
      assertEquals(Format.ML_DAT, r.format());
      assertEquals(Map.of("1/1193", 5f, "1/661", 3f, "2/1193", 4f), ratings(d));
    }
    Path csv = write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n");
    r = run(csv, ImportOptions.defaults());
    try (Dataset d = r.dataset()) {
      assertEquals(Format.ML_CSV, r.format());
      assertEquals(Map.of("1/31", 2.5f, "1/1029", 3f), ratings(d));
      assertEquals(1260759179L, time(d, "1", "1029"));
    }
  }

  @Test
  void aRatingsCsvWithoutTimestampsIsGenericCsvWithItsHeader() throws IOException {
    Path f = write("g.csv", "userId,movieId,rating\n1,5865,2.116\n2,7,4\n");
    ImportResult r = run(f, ImportOptions.defaults());
    try (Dataset d = r.dataset()) {
      assertEquals(Format.CSV, r.format());
      assertEquals(Map.of("1/5865", 2.116f, "2/7", 4f), ratings(d));
      assertFalse(d.ratings().byUser().hasTimes());
    }
  }

  @Test
  void netflixCombinedFilesAndTrainingSetFolders() throws IOException {
    Path combined = write("combined_data_1.txt",
        "1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n2:\n1488844,4,1970-01-02\n");
    ImportResult r = run(combined, ImportOptions.defaults());
    try (Dataset d = r.dataset()) {
      assertEquals(Format.NETFLIX, r.format());
      assertEquals(Map.of("1488844/1", 3f, "822109/1", 5f, "1488844/2", 4f), ratings(d));
      assertEquals(86_400L, time(d, "1488844", "2"));
      assertEquals(1_125_964_800L, time(d, "1488844", "1"), "2005-09-06T00:00Z");
    }
    Path folder = Files.createDirectories(dir.resolve("training_set"));
    Files.writeString(folder.resolve("mv_0000001.txt"), "1:\n10,1,2000-01-01\n");
    Files.writeString(folder.resolve("mv_0000002.txt"), "2:\n10,2,2000-01-01\n11,5,2000-01-02\n");
    try (Dataset d = Importer.run(List.of(folder), ImportOptions.defaults()).dataset()) {
      assertEquals(Map.of("10/1", 1f, "10/2", 2f, "11/2", 5f), ratings(d));
    }
  }

  @Test
  void genericCsvWithColumnsQuotesAndStringIds() throws IOException {
    Path f = write("plays.tsv",
        "user\tartist-mbid\tname\tplays\n\"u,1\"\tabc\t\"A, B\"\t12\nu2\tdef\tC\t3\n");
    ImportOptions options =
        new ImportOptions(Format.CSV, "\t", 0, 1, 3, -1, null, true, false, DuplicatePolicy.ERROR,
            Double.NaN, Double.NaN);
    try (Dataset d = run(f, options).dataset()) {
      assertEquals(Map.of("u,1/abc", 12f, "u2/def", 3f), ratings(d));
      assertFalse(d.userIds().numeric());
    }
    Path semi = write("r.txt", "5;7;4.5\n6;7;1\n");
    try (Dataset d = run(semi, ImportOptions.defaults()).dataset()) {
      assertEquals(Map.of("5/7", 4.5f, "6/7", 1f), ratings(d));
    }
  }

  @Test
  void matrixMarketRealAndPattern() throws IOException {
    Path real = write("m.mtx",
        "%%MatrixMarket matrix coordinate real general\n% comment\n3 4 2\n1 1 2.5\n3 4 -1\n");
    try (Dataset d = run(real, ImportOptions.defaults()).dataset()) {
      assertEquals(Map.of("1/1", 2.5f, "3/4", -1f), ratings(d));
    }
    Path pattern = write("p.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n");
    try (Dataset d = run(pattern, ImportOptions.defaults()).dataset()) {
      assertEquals(Map.of("1/2", 1f, "2/1", 1f), ratings(d));
    }
    Path symmetric = write("s.mtx", "%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 1 1\n");
    assertTrue(refused(symmetric, ImportOptions.defaults()).contains("a symmetric matrix"));
    Path shortFile = write("t.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n");
    assertEquals(shortFile + ": declares 3 entries but holds 1 (truncated?)",
        refused(shortFile, ImportOptions.defaults()));
  }

  @Test
  void aMalformedLineStopsTheImportWithFileLineTextAndExpectation() throws IOException {
    Path f = write("bad.dat", "1::2::5::0\n1::x::4::0\n");
    assertEquals(
        f + ":2: item id 'x' is not an integer (the first line's ids were; use --string-ids for"
            + " text ids) in line \"1::x::4::0\" (expected: UserID::MovieID::Rating::Timestamp)",
        refused(f, ImportOptions.defaults()));
    Path g = write("short.csv", "1,2,3\n4,5\n");
    assertTrue(refused(g, ImportOptions.defaults())
        .startsWith(g + ":2: expected at least 3 fields, found 2 in line \"4,5\""));
  }

  @Test
  void skipInvalidCountsAndRemembersTheFirstFew() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      lines.append(i).append(",7,4\n").append(i).append(",oops\n");
    }
    Path f = write("mixed.csv", lines.toString());
    ImportOptions skip =
        new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, true, DuplicatePolicy.ERROR,
            Double.NaN, Double.NaN);
    ImportResult r = run(f, skip);
    try (Dataset d = r.dataset()) {
      assertEquals(10, d.ratings().numRatings());
      assertEquals(10, r.skipped());
      assertEquals(5, r.skippedExamples().size());
      assertTrue(r.skippedExamples().get(0).startsWith(f + ":2: expected at least 3 fields"));
    }
  }

  @Test
  void duplicatesFollowThePolicyAndRatingsTheRange() throws IOException {
    Path f = write("dup.csv", "1,2,4\n3,2,1\n1,2,2\n");
    assertTrue(refused(f, ImportOptions.defaults()).contains("user 1 rated item 2 twice (4.0 and 2.0"));
    ImportOptions mean =
        new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, false, DuplicatePolicy.MEAN,
            Double.NaN, Double.NaN);
    ImportResult r = run(f, mean);
    try (Dataset d = r.dataset()) {
      assertEquals(1, r.duplicatesMerged());
      assertEquals(Map.of("1/2", 3f, "3/2", 1f), ratings(d));
    }
    ImportOptions range =
        new ImportOptions(Format.AUTO, null, 0, 1, 2, -1, null, null, false, DuplicatePolicy.LAST,
            1, 3);
    assertTrue(refused(f, range).startsWith(
        f + ":1: rating 4.0 is outside the declared range 1.0..3.0 in line \"1,2,4\""));
  }

  @Test
  void emptyTruncatedAndMisdeclaredInputsAreRefused() throws IOException {
    Path empty = write("empty.csv", "\n# nothing\n");
    assertEquals(empty + ": empty (no ratings, not even a header)",
        refused(empty, ImportOptions.defaults()));
    Path headerOnly = write("h.csv", "userId,movieId,rating,timestamp\n");
    assertTrue(refused(headerOnly, ImportOptions.defaults()).startsWith(headerOnly + ": no ratings found"));

    byte[] whole = Files.readAllBytes(gzip("whole.gz", "1\t2\t3\t4\n".repeat(5000)));
    Path truncated = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertTrue(refused(truncated, ImportOptions.defaults()).startsWith(truncated + ": truncated gzip stream"));

    Path csv = write("r.csv", "1,2,3\n");
    assertTrue(refused(csv, ImportOptions.defaults().withFormat(Format.NETFLIX))
        .startsWith(csv + ":1: a rating before any 'MovieID:' line"));
    assertTrue(refused(csv, ImportOptions.defaults().withFormat(Format.MTX))
        .contains("(expected: %%MatrixMarket matrix coordinate"));
  }

  @Test
  void numbersParseExactlyAsTheJdkDoes() {
    String[] samples = {"0", "5", "3.5", "0.5", "4.25", "-2.75", "1234567", "0.1", "0.3333333",
      "1e3", "2.5E-1", "12345678.9", "+3"};
    for (String s : samples) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Float.parseFloat(s), Fields.parseFloat(b, 0, b.length), s);
    }
    for (String bad : new String[] {"", "x", ".", "1.2.3", "5a"}) {
      byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
      assertTrue(Float.isNaN(Fields.parseFloat(b, 0, b.length)), bad);
    }
    assertEquals(Fields.NOT_A_LONG, Fields.parseLong("12x".getBytes(), 0, 3));
    assertEquals(-42L, Fields.parseLong("-42".getBytes(), 0, 3));
    assertEquals(0L, Fields.epochDay(1970, 1, 1));
    assertEquals(13_032L, Fields.epochDay(2005, 9, 6));
  }

  private static String refused(Path file, ImportOptions options) {
    return assertThrows(InputFormatException.class, () -> run(file, options).dataset().close())
        .getMessage();
  }

}
