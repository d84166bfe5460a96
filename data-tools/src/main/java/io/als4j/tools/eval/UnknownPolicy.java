package io.als4j.tools.eval;

/** What to do with a test rating whose user or item the model knows nothing about. */
public enum UnknownPolicy {
  /** Leave it out of the error, and count it. The default. */
  DROP,
  /** Predict the global mean of the training ratings, and count it. */
  MEAN
}
