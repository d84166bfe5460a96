package io.als4j.train;

/** How each row's regularized least-squares system is solved. */
public enum SolveMethod {
  /**
   * Exactly: build the Gram matrix Σ vⱼvⱼᵀ + λI and factor it by Cholesky. K(K+1)/2 multiply-adds
   * per rating plus K³/6 per row.
   */
  CHOLESKY,
  /**
   * Approximately, by a few steps of conjugate gradient started from the row's current vector
   * ({@link AlsConfig#cgSteps()}), never forming the Gram matrix: about 2K multiply-adds per rating
   * and step. Each step lowers the row's loss, so the training loss still never rises; it takes a
   * few more iterations to reach Cholesky's accuracy, at a fraction of the cost per iteration for
   * K ≳ 30.
   */
  CONJUGATE_GRADIENT
}
