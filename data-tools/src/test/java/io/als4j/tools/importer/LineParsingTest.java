package io.als4j.tools.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.als4j.data.CompressedRows;
import io.als4j.data.Dataset;
import io.als4j.data.DuplicatePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast line paths against their plain twins: the word-at-a-time newline search and the one-pass line parser. */
class LineParsingTest {
  @TempDir Path dir;

  @AfterEach
  void restore() {
    DelimitedReader.simpleLines = true;
  }

  private static int newlineByBytes(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void newlineSearchFindsTheFirstLineEndInEveryRangeAndTail() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] b = new byte[1 + random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        // Bytes near '\n' (0x0A) and with the high bit set are the bit trick's hard cases.
        int kind = random.nextInt(6);
        b[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x0B : kind == 2 ? 0x8A : kind == 3 ? 0x09
            : random.nextInt(256));
      }
      int from = random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);
      assertEquals(newlineByBytes(b, from, to), LineSource.newline(b, from, to),
          "from " + from + " to " + to);
    }
  }

  /** Lines from a grammar of plain and awkward fields: signs, quotes, spaces, exponents, gaps. */
  private static String field(Random random, boolean rating) {
    switch (random.nextInt(12)) {
      case 0:
        return "-" + random.nextInt(50);
      case 1:
        return "\"" + random.nextInt(50) + "\"";
      case 2:
        return "";
      case 3:
        return " " + random.nextInt(50);
      case 4:
        return rating ? "3e0" : "12345678901234567890";
      case 5:
        return rating ? "2.123456789" : "+" + random.nextInt(50);
      case 6:
        return rating ? "4." : "x" + random.nextInt(5);
      default:
        return rating ? random.nextInt(6) + "." + random.nextInt(10) : "" + random.nextInt(60);
    }
  }

  private Path awkwardFile(Random random, String separator) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 3_000; line++) {
      int fields = random.nextInt(10) == 0 ? random.nextInt(4) : 4 + random.nextInt(2);
      List<String> parts = new ArrayList<>();
      for (int f = 0; f < fields; f++) {
        parts.add(random.nextInt(3) == 0 ? field(random, f == 2) : f == 2
            ? random.nextInt(6) + ".5" : f == 3 ? "" + (900_000_000 + random.nextInt(1000))
            : "" + random.nextInt(60));
      }
      text.append(String.join(separator, parts)).append('\n');
    }
    Path file = dir.resolve("awkward" + separator.hashCode() + ".txt");
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static List<String> dump(Dataset d) {
    List<String> out = new ArrayList<>();
    CompressedRows rows = d.ratings().byUser();
    for (int r = 0; r < rows.rows(); r++) {
      for (long p = rows.start(r); p < rows.end(r); p++) {
        out.add(d.userIds().name(r) + ":" + d.itemIds().name(rows.index(p)) + "=" + rows.value(p)
            + "@" + rows.time(p));
      }
    }
    return out;
  }

  private static ImportResult read(Path file, ImportOptions options, boolean simple)
      throws IOException {
    DelimitedReader.simpleLines = simple;
    return Importer.run(List.of(file), options);
  }

  @Test
  void onePassParserReadsWhatTheGeneralParserReadsAndSkipsWhatItSkips() throws IOException {
    Random random = new Random(11);
    for (String separator : new String[] {",", "\t", ";"}) {
      Path file = awkwardFile(random, separator);
      ImportOptions options = new ImportOptions(Format.CSV, separator, 0, 1, 2, 3, false, false,
          true, DuplicatePolicy.LAST, Double.NaN, Double.NaN);
      ImportResult general = read(file, options, false);
      ImportResult fast = read(file, options, true);
      try (Dataset g = general.dataset(); Dataset f = fast.dataset()) {
        assertEquals(dump(g), dump(f), "separator " + separator);
        assertEquals(general.skipped(), fast.skipped());
        assertEquals(general.skippedExamples(), fast.skippedExamples());
        assertEquals(general.duplicatesMerged(), fast.duplicatesMerged());
      }
      // Without --skip-invalid both stop at the same line with the same message.
      ImportOptions strict = new ImportOptions(Format.CSV, separator, 0, 1, 2, 3, false, false,
          false, DuplicatePolicy.LAST, Double.NaN, Double.NaN);
      assertEquals(failure(file, strict, false), failure(file, strict, true));
    }
  }

  private static String failure(Path file, ImportOptions options, boolean simple) {
    try {
      read(file, options, simple).dataset().close();
      return "no failure";
    } catch (Exception e) {
      return e.getMessage();
    }
  }
}
