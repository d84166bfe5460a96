package io.als4j.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.tools.Ratings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedRatingsReaderTest {
  @TempDir Path dir;

  @Test
  void readsTabSeparatedLinesAndIgnoresExtraColumns() throws IOException {
    Ratings r = read("u.data", "196\t242\t3\t881250949\n186\t302\t3.5\t891717742\n196\t302\t1\t0\n");
    assertEquals(3, r.size());
    assertEquals(2, r.numUsers());
    assertEquals(2, r.numItems());
    assertEquals(0, r.user(0));
    assertEquals(1, r.user(1));
    assertEquals(0, r.user(2));
    assertEquals(1, r.item(2));
    assertEquals(3.5f, r.value(1));
  }

  @Test
  void readsCsvWithHeaderDoubleColonAndSpaces() throws IOException {
    DelimitedRatingsReader csv = new DelimitedRatingsReader();
    Ratings r = csv.read(write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n"));
    assertTrue(csv.skippedHeader());
    assertEquals(1, r.size());
    assertEquals(31, csv.items().idOf(r.item(0)));

    DelimitedRatingsReader dat = new DelimitedRatingsReader();
    r = dat.read(write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n"));
    assertFalse(dat.skippedHeader());
    assertEquals(2, r.size());
    assertEquals(661, dat.items().idOf(r.item(1)));

    r = read("spaces.txt", "# comment\n\n 7  8   4.0\n%another\n9 8 2\n");
    assertEquals(2, r.size());
    assertEquals(1, r.numItems());
  }

  @Test
  void malformedLinesNameFileLineTextAndExpectation() throws IOException {
    Path f = write("bad.csv", "1,2,3\n1,x,4\n");
    InputFormatException e =
        assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(f));
    assertEquals(
        f + ":2: item id 'x' is not an integer in line \"1,x,4\" (expected: user item rating,"
            + " separated by ',')",
        e.getMessage());

    Path g = write("short.tsv", "1\t2\t3\n\n1\t2\n");
    e = assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(g));
    assertEquals(
        g + ":3: expected at least 3 fields (user item rating), found 2 in line \"1\t2\""
            + " (expected: user item rating, separated by tab)",
        e.getMessage());

    Path h = write("nan.csv", "1,2,NaN\n");
    e = assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(h));
    assertTrue(e.getMessage().startsWith(h + ":1: rating 'NaN' is not a finite number"));

    Path i = write("mixed.csv", "1,2,3\n4\t5\t6\n");
    e = assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(i));
    assertTrue(e.getMessage().startsWith(i + ":2: expected at least 3 fields"), e.getMessage());
  }

  @Test
  void emptyInputAndMatrixMarketAreRefused() throws IOException {
    Path empty = write("empty.txt", "# nothing\n\n");
    assertEquals(
        empty + ": no ratings found (expected lines of: user item rating)",
        assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(empty))
            .getMessage());
    Path mtx = write("m.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 1\n1 1 2.0\n");
    assertTrue(
        assertThrows(InputFormatException.class, () -> new DelimitedRatingsReader().read(mtx))
            .getMessage()
            .contains("MatrixMarket"));
  }

  private Ratings read(String name, String content) throws IOException {
    return new DelimitedRatingsReader().read(write(name, content));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
