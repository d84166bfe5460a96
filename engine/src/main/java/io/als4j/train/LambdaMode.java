package io.als4j.train;

/** How the regularization λᵢ of a row depends on its number of ratings nᵢ. */
public enum LambdaMode {
  /** λᵢ = λ for every row. */
  PLAIN,
  /**
   * λᵢ = λ·nᵢ, the weighted-λ regularization of ALS-WR (Zhou et al., 2008): heavy rows are
   * regularized more, which keeps the best λ stable as the data grows. The default.
   */
  WEIGHTED
}
