package io.als4j.tools.importer;

import java.nio.charset.StandardCharsets;

/** Number parsing straight from bytes, without a String per field. */
final class Fields {
  /** What {@link #parseLong} returns for text that is not an integer. */
  static final long NOT_A_LONG = Long.MIN_VALUE;
  /** Powers of ten that are exact floats (up to 10¹⁰). */
  private static final float[] POW10 = {
    1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f
  };

  private Fields() {}

  /** A decimal integer of up to 18 digits with an optional sign, else {@link #NOT_A_LONG}. */
  static long parseLong(byte[] b, int from, int to) {
    if (from >= to) {
      return NOT_A_LONG;
    }
    boolean negative = b[from] == '-';
    int i = negative || b[from] == '+' ? from + 1 : from;
    if (i >= to || to - i > 18) {
      return NOT_A_LONG;
    }
    long v = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return NOT_A_LONG;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /**
   * A float exactly as {@link Float#parseFloat} reads it, or NaN for text that is not a number.
   * Plain decimals of at most 7 digits (every rating scale) are one exact float division, which
   * IEEE rounds correctly: the mantissa (&lt; 10⁷ &lt; 2²⁴) and the power of ten are exact floats.
   * Anything else (exponents, long fractions) goes through Float.parseFloat.
   */
  static float parseFloat(byte[] b, int from, int to) {
    if (from >= to) {
      return Float.NaN;
    }
    boolean negative = b[from] == '-';
    int i = negative || b[from] == '+' ? from + 1 : from;
    int mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        if (++digits > 7) {
          return slow(b, from, to);
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return slow(b, from, to);
      }
    }
    if (digits == 0) {
      return Float.NaN;
    }
    float v = decimal(mantissa, fraction);
    return negative ? -v : v;
  }

  /**
   * {@code mantissa} (at most 7 digits) with {@code fraction} of them after the point (≤ 0:
   * none): one correctly rounded float division, so equal to what Float.parseFloat reads.
   */
  static float decimal(int mantissa, int fraction) {
    return fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  }

  private static float slow(byte[] b, int from, int to) {
    try {
      return Float.parseFloat(new String(b, from, to - from, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the days-from-civil algorithm). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468;
  }
}
