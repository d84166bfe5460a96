package io.als4j.data;

import java.util.Arrays;

/**
 * The users' or items' own ids by dense index: integers (MovieLens, Netflix) or strings (Last.fm's
 * SHA-1 user ids, MusicBrainz ids). Immutable.
 */
public final class ExternalIds {
  private final long[] numbers;
  private final String[] names;

  private ExternalIds(long[] numbers, String[] names) {
    this.numbers = numbers;
    this.names = names;
  }

  public static ExternalIds ofNumbers(long[] ids) {
    return new ExternalIds(ids.clone(), null);
  }

  public static ExternalIds ofNames(String[] ids) {
    return new ExternalIds(null, ids.clone());
  }

  /** Whether the ids are integers. */
  public boolean numeric() {
    return numbers != null;
  }

  public int size() {
    return numbers != null ? numbers.length : names.length;
  }

  /** The integer id of {@code index} (numeric ids only). */
  public long number(int index) {
    if (numbers == null) {
      throw new IllegalStateException("these ids are strings");
    }
    return numbers[index];
  }

  /** The id of {@code index} as text, whatever its type. */
  public String name(int index) {
    return numbers != null ? Long.toString(numbers[index]) : names[index];
  }

  /** The integer ids (a copy), or null for string ids. */
  public long[] numbers() {
    return numbers == null ? null : numbers.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExternalIds other
        && Arrays.equals(numbers, other.numbers)
        && Arrays.equals(names, other.names);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(numbers) + Arrays.hashCode(names);
  }
}
