package io.als4j.tools.importer;

import java.io.IOException;

/**
 * Netflix Prize ratings, as {@code combined_data_*.txt} or {@code training_set/mv_*.txt}: a
 * {@code MovieID:} line starts each movie, then {@code CustomerID,Rating,YYYY-MM-DD} lines. The
 * date becomes a timestamp in Unix seconds (midnight UTC).
 */
final class NetflixReader {
  private long movie = Long.MIN_VALUE;

  void read(LineSource in, RatingsCollector out) throws IOException {
    out.decideIds(false, false);
    while (in.next()) {
      byte[] b = in.buffer();
      int from = in.start();
      int to = in.end();
      if (from == to) {
        continue;
      }
      if (b[to - 1] == ':') {
        movie = Fields.parseLong(b, from, to - 1);
        if (movie == Fields.NOT_A_LONG) {
          out.invalid(in, "movie id is not an integer");
        }
        continue;
      }
      if (movie == Long.MIN_VALUE) {
        out.invalid(in, "a rating before any 'MovieID:' line");
        continue;
      }
      int c1 = indexOf(b, from, to, (byte) ',');
      int c2 = c1 < 0 ? -1 : indexOf(b, c1 + 1, to, (byte) ',');
      if (c2 < 0) {
        out.invalid(in, "expected 3 comma-separated fields");
        continue;
      }
      long customer = Fields.parseLong(b, from, c1);
      if (customer == Fields.NOT_A_LONG) {
        out.invalid(in, "customer id is not an integer");
        continue;
      }
      float rating = Fields.parseFloat(b, c1 + 1, c2);
      if (Float.isNaN(rating)) {
        out.invalid(in, "rating is not a number");
        continue;
      }
      long day = date(b, c2 + 1, to);
      if (day == Long.MIN_VALUE) {
        out.invalid(in, "date is not YYYY-MM-DD");
        continue;
      }
      out.add(in, out.users().number(customer), out.items().number(movie), rating, day * 86_400);
    }
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static long date(byte[] b, int from, int to) {
    if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return Long.MIN_VALUE;
    }
    long y = Fields.parseLong(b, from, from + 4);
    long m = Fields.parseLong(b, from + 5, from + 7);
    long d = Fields.parseLong(b, from + 8, from + 10);
    if (y == Fields.NOT_A_LONG || m < 1 || m > 12 || d < 1 || d > 31) {
      return Long.MIN_VALUE;
    }
    return Fields.epochDay((int) y, (int) m, (int) d);
  }
}
