package io.als4j.train;

/**
 * A row's normal equations were not positive definite, so Cholesky ({@code dposv}) could not solve
 * them. This is a property of the data and the settings, typically λ = 0 on a row whose gathered
 * factors span fewer than K dimensions, or factors that are all zero.
 */
public final class SolveFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Side side;
  private final int row;
  private final int info;

  SolveFailedException(Side side, int row, int info, int ratings, double lambda) {
    super(
        "dposv failed for "
            + (row < 0 ? "the folded-in " + side.singular() : side.singular() + " " + row)
            + " ("
            + ratings
            + " ratings, λ="
            + lambda
            + "): info="
            + info
            + ", the leading minor of order "
            + info
            + " is not positive definite; use lambda > 0");
    this.side = side;
    this.row = row;
    this.info = info;
  }

  public Side side() {
    return side;
  }

  /** The dense index of the user or item whose system failed; -1 for a folded-in user. */
  public int row() {
    return row;
  }

  /** LAPACK's info: the order of the leading minor that is not positive definite. */
  public int info() {
    return info;
  }
}
