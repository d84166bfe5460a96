package io.als4j.data;

/** What to do with a (user, item) pair rated more than once. */
public enum DuplicatePolicy {
  /** Refuse the input, naming the pair and its ratings. The default. */
  ERROR,
  /** Keep the rating that came last in the input (and its timestamp). */
  LAST,
  /** Keep the mean of the ratings (and the latest timestamp). */
  MEAN
}
