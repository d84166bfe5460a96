package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** train --save, then recommend and similar on the saved model, in the file's own ids. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModelCommandsTest {
  @TempDir Path dir;
  private Path model;
  private String ratedByFirstUser = "";

  @BeforeEach
  void trainAndSave() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder lines = new StringBuilder();
    StringBuilder firstUser = new StringBuilder();
    for (int u = 0; u < 80; u++) {
      for (int i = 0; i < 60; i++) {
        if (random.nextDouble() < 0.3) {
          long userId = 900_000 + 11L * u;
          long itemId = 7_000 + 13L * i;
          lines.append(String.format(Locale.ROOT, "%d\t%d\t%d%n", userId, itemId, 1 + (u + i) % 5));
          if (u == 0) {
            firstUser.append(' ').append(itemId).append(' ');
          }
        }
      }
    }
    ratedByFirstUser = firstUser.toString();
    Path input = Files.writeString(dir.resolve("u.data"), lines);
    model = dir.resolve("model.als");
    CliRunner cli = new CliRunner();
    assertEquals(
        0, cli.run("train", "--input", input.toString(), "-k", "4", "-t", "4", "--save",
            model.toString()), cli.err());
    assertTrue(cli.out().contains("saved the model to " + model), cli.out());
  }

  @Test
  void recommendsInTheFilesIdsLeavingOutRatedItems() {
    CliRunner cli = new CliRunner();
    assertEquals(0, cli.run("recommend", "--model", model.toString(), "--user", "900000", "-n", "5"),
        cli.err());
    String[] lines = cli.out().strip().split("\n");
    assertEquals(6, lines.length, cli.out());
    for (int r = 1; r < lines.length; r++) {
      String[] cols = lines[r].strip().split("\\s+");
      assertEquals(String.valueOf(r), cols[0]);
      long item = Long.parseLong(cols[1]);
      assertTrue(item >= 7_000 && (item - 7_000) % 13 == 0, "an id of the file: " + item);
      assertTrue(!ratedByFirstUser.contains(" " + item + " "), "rated item " + item + " recommended");
    }
  }

  @Test
  void similarItemsInTheFilesIds() {
    CliRunner cli = new CliRunner();
    assertEquals(0, cli.run("similar", "--model", model.toString(), "--item", "7013", "-n", "3"),
        cli.err());
    String[] lines = cli.out().strip().split("\n");
    assertEquals(4, lines.length, cli.out());
    assertTrue(lines[0].contains("cosine"));
    assertTrue(!lines[1].contains(" 7013 "), "the item itself is not similar to itself");
  }

  @Test
  void unknownIdsAndDamagedFilesAreClearErrors() throws IOException {
    CliRunner cli = new CliRunner();
    assertEquals(1, cli.run("recommend", "--model", model.toString(), "--user", "5"));
    assertEquals(
        "als4j recommend: user 5 is not in the model (expected: one of the ids it was trained on)",
        cli.err().strip());
    Path damaged = Files.write(dir.resolve("d.als"), new byte[2000]);
    CliRunner second = new CliRunner();
    assertEquals(1, second.run("similar", "--model", damaged.toString(), "--item", "7013"));
    assertTrue(second.err().contains("not an als4j file"), second.err());
  }

  /** String ids (a Last.fm-style export) go through import, train --save and recommend. */
  @Test
  void stringIdsFromImportToRecommend() throws IOException {
    SplittableRandom random = new SplittableRandom(9);
    StringBuilder lines = new StringBuilder("user,artist,plays\n");
    for (int u = 0; u < 50; u++) {
      for (int i = 0; i < 40; i++) {
        if (random.nextDouble() < 0.3) {
          lines.append("fan-").append(u).append(",band ").append((char) ('A' + i % 26))
              .append(i).append(',').append(1 + (u * i) % 5).append('\n');
        }
      }
    }
    Path input = Files.writeString(dir.resolve("plays.csv"), lines);
    Path store = dir.resolve("plays.als4j");
    Path named = dir.resolve("named.als");
    CliRunner cli = new CliRunner();
    assertEquals(0, cli.run("import", "-q", input.toString(), "-o", store.toString()), cli.err());
    assertEquals(0, cli.run("train", "--input", store.toString(), "-k", "3", "-t", "3", "--save",
        named.toString()), cli.err());
    CliRunner query = new CliRunner();
    assertEquals(0, query.run("recommend", "--model", named.toString(), "--user", "fan-7", "-n",
        "4"), query.err());
    String[] out = query.out().strip().split("\n");
    assertEquals(5, out.length, query.out());
    for (int r = 1; r < out.length; r++) {
      assertTrue(out[r].matches("\\s*" + r + "\\s+band [A-Z]\\d+\\s+-?\\d+\\.\\d+"), out[r]);
    }
    CliRunner unknown = new CliRunner();
    assertEquals(1, unknown.run("similar", "--model", named.toString(), "--item", "band Z99"));
    assertTrue(unknown.err().contains("item band Z99 is not in the model"), unknown.err());
  }
}
