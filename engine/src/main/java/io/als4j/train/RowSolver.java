package io.als4j.train;

/**
 * One worker's solver for one row at a time: {@link #reset}, {@link #add} each rating, {@link
 * #solve}. Implementations hold all their scratch arrays, so a row allocates nothing.
 */
interface RowSolver {

  /** Starts a new row. */
  void reset();

  /** Adds one rating against factor row {@code row} of {@code factors} (row-major, rank wide). */
  void add(double[] factors, int row, double rating);

  /** The same from a float copy of the factors (the trainer's, with {@link FactorPrecision#FLOAT}). */
  void add(float[] factors, int row, double rating);

  /**
   * Solves the row's system with λ on the diagonal. {@code out[offset..offset+rank)} and {@code
   * currentBias} hold the row's current solution, which an iterative solver starts from; the new
   * vector is written over it.
   *
   * @return 0 on success, &gt; 0 if the system is not positive definite (LAPACK's info)
   */
  int solve(double lambda, double[] out, int offset, double currentBias);

  /** The bias unknown of the last successful {@link #solve} (when solving with a bias column). */
  double bias();
}
