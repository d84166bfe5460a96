package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.CompressedRows;
import io.als4j.data.Dataset;
import io.als4j.data.DatasetFile;
import io.als4j.tools.importer.Format;
import io.als4j.tools.importer.ImportOptions;
import io.als4j.tools.importer.ImportResult;
import io.als4j.tools.importer.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's text output is a MovieLens ratings.csv that imports to the same ratings. */
class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void csvOutputImportsAsMovieLensCsvWithTheStoresRatingsAndTimestampsInRange() throws Exception {
    Path store = dir.resolve("g.als4j");
    Path csv = dir.resolve("ratings.csv");
    for (Path out : List.of(store, csv)) {
      CliRunner gen = new CliRunner();
      assertEquals(0, gen.run("generate", "--preset", "ml-100k", "--seed", "7", "-o",
          out.toString()), gen.err());
    }
    assertTrue(Files.readAllLines(csv).get(0).equals("userId,movieId,rating,timestamp"));

    ImportResult imported = Importer.run(List.of(csv), ImportOptions.defaults());
    assertEquals(Format.ML_CSV, imported.format());
    try (Dataset generated = DatasetFile.open(store); Dataset fromCsv = imported.dataset()) {
      Map<Long, Float> expected = new HashMap<>();
      CompressedRows rows = generated.ratings().byUser();
      for (int u = 0; u < rows.rows(); u++) {
        for (long p = rows.start(u); p < rows.end(u); p++) {
          expected.put(key(u + 1L, rows.index(p) + 1L), rows.value(p));
        }
      }
      Map<Long, Float> actual = new HashMap<>();
      CompressedRows read = fromCsv.ratings().byUser();
      assertTrue(read.hasTimes(), "the CSV carries timestamps");
      for (int u = 0; u < read.rows(); u++) {
        for (long p = read.start(u); p < read.end(u); p++) {
          actual.put(key(fromCsv.userIds().number(u), fromCsv.itemIds().number(read.index(p))),
              read.value(p));
          long t = read.time(p);
          assertTrue(t >= 820_454_400L && t < 1_420_070_400L, "timestamp " + t);
        }
      }
      assertEquals(100_000, actual.size());
      assertEquals(expected, actual);
    }
  }

  private static long key(long user, long item) {
    return user << 32 | item;
  }

  @Test
  void sizesDegreeExponentsAndTheRatingScaleComeFromTheOptions() throws Exception {
    long[] topItemShare = new long[2];
    String[] exponents = {"0", "1.5"};
    for (int e = 0; e < 2; e++) {
      Path store = dir.resolve("s" + e + ".als4j");
      CliRunner gen = new CliRunner();
      assertEquals(0, gen.run("generate", "--preset", "ml-100k", "--users", "300", "--items",
          "200", "--ratings", "9000", "--min-per-user", "5", "--user-exponent", "0.8",
          "--item-exponent", exponents[e], "--rating-range", "1..10", "--step", "1", "--mean",
          "6", "-o", store.toString()), gen.err());
      try (Dataset d = DatasetFile.open(store)) {
        assertEquals(300, d.ratings().numUsers());
        assertEquals(200, d.ratings().numItems());
        assertEquals(9000, d.ratings().numRatings());
        CompressedRows rows = d.ratings().byUser();
        for (int u = 0; u < 300; u++) {
          assertTrue(rows.degree(u) >= 5, "user " + u + " has " + rows.degree(u));
          for (long p = rows.start(u); p < rows.end(u); p++) {
            float r = rows.value(p);
            assertTrue(r >= 1 && r <= 10 && r == Math.rint(r), "rating " + r);
          }
        }
        int[] degrees = new int[200];
        for (int i = 0; i < 200; i++) {
          degrees[i] = d.ratings().byItem().degree(i);
        }
        java.util.Arrays.sort(degrees);
        for (int i = 190; i < 200; i++) {
          topItemShare[e] += degrees[i];
        }
      }
    }
    // With s = 0 every item is as popular as any other (the top 5 % hold about 5 %, at most the
    // users' cap); s = 1.5 concentrates the ratings on the head.
    assertTrue(topItemShare[1] > 2 * topItemShare[0],
        "top 10 items: " + topItemShare[0] + " (s = 0) vs " + topItemShare[1] + " (s = 1.5)");
    CliRunner bad = new CliRunner();
    assertEquals(1, bad.run("generate", "--rating-range", "5", "-o",
        dir.resolve("x.als4j").toString()));
    assertTrue(bad.err().contains("--rating-range: 5 (expected: MIN..MAX"), bad.err());
  }
}
