package io.als4j.data;

/** A (user, item) pair that was rated more than once; carries the pair so callers can name it. */
public final class DuplicateRatingException extends InvalidRatingException {
  private static final long serialVersionUID = 1L;
  private final int user;
  private final int item;
  private final float first;
  private final float second;

  DuplicateRatingException(int user, int item, float first, float second) {
    super(
        "duplicate rating for (user " + user + ", item " + item + "): " + first + " and " + second
            + " (expected: one rating per (user, item) pair)");
    this.user = user;
    this.item = item;
    this.first = first;
    this.second = second;
  }

  /** Dense user index. */
  public int user() {
    return user;
  }

  /** Dense item index. */
  public int item() {
    return item;
  }

  /** One of the ratings given to the pair. */
  public float first() {
    return first;
  }

  /** Another rating given to the same pair. */
  public float second() {
    return second;
  }
}
