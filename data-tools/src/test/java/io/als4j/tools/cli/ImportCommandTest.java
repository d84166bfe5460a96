package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImportCommandTest {
  @TempDir Path dir;

  private Path uData() throws IOException {
    SplittableRandom random = new SplittableRandom(2);
    StringBuilder lines = new StringBuilder();
    for (int u = 1; u <= 90; u++) {
      for (int i = 1; i <= 70; i++) {
        if (random.nextDouble() < 0.3) {
          lines.append(String.format(Locale.ROOT, "%d\t%d\t%d\t%d%n", u, 10 * i,
              1 + (u * 7 + i * 3) % 5, 880_000_000 + u * i));
        }
      }
    }
    return Files.writeString(dir.resolve("u.data"), lines);
  }

  @Test
  void importsToAStoreThatTrainReads() throws IOException {
    Path store = dir.resolve("ml.als4j");
    CliRunner cli = new CliRunner();
    assertEquals(0, cli.run("import", uData().toString(), "-o", store.toString()), cli.err());
    assertTrue(cli.out().contains(" as ml-100k in "), cli.out());
    assertTrue(cli.out().contains("90 users × 70 items"), cli.out());
    assertTrue(cli.out().contains("with timestamps"), cli.out());
    assertTrue(cli.out().contains("wrote " + store), cli.out());

    CliRunner train = new CliRunner();
    assertEquals(0, train.run("train", "--input", store.toString(), "-k", "4", "-t", "3"),
        train.err());
    assertTrue(train.out().contains("(dataset store)"), train.out());
    assertTrue(train.out().contains("held-out RMSE"), train.out());
  }

  @Test
  void aFailedImportLeavesNoFileAndKeepsAnOldOne() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.dat"), "1::2::5::0\n1::2::x::0\n");
    Path store = dir.resolve("out.als4j");
    CliRunner cli = new CliRunner();
    assertEquals(1, cli.run("import", bad.toString(), "-o", store.toString()));
    assertTrue(cli.err().startsWith("als4j import: " + bad + ":2: rating 'x' is not a number"),
        cli.err());
    assertFalse(Files.exists(store));

    Files.writeString(store, "previous");
    assertEquals(1, new CliRunner().run("import", bad.toString(), "-o", store.toString()));
    assertEquals("previous", Files.readString(store));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void skippedLinesAreCountedAndShown() throws IOException {
    Path mixed = Files.writeString(dir.resolve("m.csv"), "1,2,3\n1,3\n2,2,4\nfoo\n");
    CliRunner cli = new CliRunner();
    assertEquals(0, cli.run("import", mixed.toString(), "-o", dir.resolve("m.als4j").toString(),
        "--skip-invalid"), cli.err());
    assertTrue(cli.out().contains("2 malformed lines skipped; the first:"), cli.out());
    assertTrue(cli.out().contains(mixed + ":2: expected at least 3 fields"), cli.out());
  }

  @Test
  void badOptionsAreNamed() throws IOException {
    CliRunner cli = new CliRunner();
    assertEquals(1, cli.run("import", uData().toString(), "-o", dir.resolve("x").toString(),
        "--rating-range", "5..1"));
    assertEquals("als4j import: --rating-range: 5..1 (expected: MIN <= MAX)", cli.err().strip());
    CliRunner columns = new CliRunner();
    assertEquals(1, columns.run("import", uData().toString(), "-o", dir.resolve("x").toString(),
        "--columns", "a,b"));
    assertTrue(columns.err().contains("--columns: 'a' is not a column number"), columns.err());
  }
}
