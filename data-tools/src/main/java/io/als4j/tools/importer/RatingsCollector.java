package io.als4j.tools.importer;

import io.als4j.data.Dataset;
import io.als4j.data.DuplicateRatingException;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.tools.InputFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives parsed ratings from a format reader: checks them, maps ids, and appends them to an
 * off-heap {@link RatingMatrixBuilder}. Bad lines stop the import with file, line, text and what
 * was expected, or with {@code --skip-invalid} are counted and the first few remembered.
 */
final class RatingsCollector implements AutoCloseable {
  private static final int EXAMPLES = 5;

  private final ImportOptions options;
  private final RatingMatrixBuilder builder;
  private final boolean timestamps;
  private IdMapper users;
  private IdMapper items;
  private long skipped;
  private final List<String> examples = new ArrayList<>();
  private String expected = "";

  RatingsCollector(ImportOptions options, boolean timestamps) {
    this.options = options;
    this.timestamps = timestamps;
    this.builder = new RatingMatrixBuilder(-1, -1, timestamps, options.duplicates());
  }

  /** Sets the line shape quoted in error messages. */
  void expecting(String expected) {
    this.expected = expected;
  }

  boolean idsDecided() {
    return users != null;
  }

  void decideIds(boolean userStrings, boolean itemStrings) {
    if (users == null) {
      users = new IdMapper(userStrings);
      items = new IdMapper(itemStrings);
    }
  }

  IdMapper users() {
    return users;
  }

  IdMapper items() {
    return items;
  }

  /** Checks and keeps one rating; false if it was rejected (and skipped). */
  boolean add(LineSource at, int user, int item, float rating, long time) {
    if (!Float.isFinite(rating)) {
      return invalid(at, "rating is not a finite number");
    }
    if (!Double.isNaN(options.minRating())
        && (rating < options.minRating() || rating > options.maxRating())) {
      return invalid(
          at, "rating " + rating + " is outside the declared range " + options.minRating() + ".."
              + options.maxRating());
    }
    if (timestamps) {
      builder.add(user, item, rating, time);
    } else {
      builder.add(user, item, rating);
    }
    return true;
  }

  /**
   * A malformed line: an error naming file, line, text and the expected shape, or (with
   * --skip-invalid) counted.
   */
  boolean invalid(LineSource at, String problem) {
    String message =
        at.file() + ":" + at.lineNumber() + ": " + problem + " in line \"" + at.text()
            + "\" (expected: " + expected + ")";
    if (!options.skipInvalid()) {
      throw new InputFormatException(message);
    }
    skipped++;
    if (examples.size() < EXAMPLES) {
      examples.add(message);
    }
    return false;
  }

  long skipped() {
    return skipped;
  }

  List<String> examples() {
    return examples;
  }

  Dataset build(String source) {
    if (builder.size() == 0) {
      throw new InputFormatException(
          source + ": no ratings found" + (skipped > 0 ? " (" + skipped + " lines skipped)" : "")
              + " (expected: " + expected + ")");
    }
    try {
      return new Dataset(builder.build(), users.toExternalIds(), items.toExternalIds());
    } catch (DuplicateRatingException e) {
      throw new InputFormatException(
          source + ": user " + users.toExternalIds().name(e.user()) + " rated item "
              + items.toExternalIds().name(e.item()) + " twice (" + e.first() + " and "
              + e.second() + "; expected: one rating per (user, item) pair, or choose"
              + " --duplicates last or mean)");
    }
  }

  long duplicatesMerged() {
    return builder.duplicatesMerged();
  }

  @Override
  public void close() {
    builder.close();
  }
}
