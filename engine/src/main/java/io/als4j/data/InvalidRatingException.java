package io.als4j.data;

/** A rating triple that cannot go into a {@link RatingMatrix}; the message names the triple. */
public class InvalidRatingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidRatingException(String message) {
    super(message);
  }
}
