package io.als4j.testing;

/**
 * ALS written plainly from the equations, as the specification the engine is checked against:
 * dense {@code double[][]} factors, ratings as parallel arrays, normal equations formed entry by
 * entry and solved by Gaussian elimination. Shares no code with the engine; only the starting
 * factors are handed in so both start from the same point.
 */
public final class ReferenceAls {
  private final RandomRatings data;
  private final int rank;
  private final double lambda;
  private final boolean weighted;
  public final double[][] users;
  public final double[][] items;

  public ReferenceAls(
      RandomRatings data,
      int rank,
      double lambda,
      boolean weighted,
      double[][] initialUsers,
      double[][] initialItems) {
    this.data = data;
    this.rank = rank;
    this.lambda = lambda;
    this.weighted = weighted;
    this.users = initialUsers;
    this.items = initialItems;
  }

  public void iterate() {
    solveSide(true);
    solveSide(false);
  }

  /** Solves every user (forUsers) or every item against the other side's current factors. */
  private void solveSide(boolean forUsers) {
    double[][] target = forUsers ? users : items;
    double[][] fixed = forUsers ? items : users;
    for (int row = 0; row < target.length; row++) {
      double[][] a = new double[rank][rank];
      double[] b = new double[rank];
      int count = 0;
      for (int t = 0; t < data.size(); t++) {
        int mine = forUsers ? data.users[t] : data.items[t];
        if (mine != row) {
          continue;
        }
        double[] v = fixed[forUsers ? data.items[t] : data.users[t]];
        for (int p = 0; p < rank; p++) {
          for (int q = 0; q < rank; q++) {
            a[p][q] += v[p] * v[q];
          }
          b[p] += data.ratings[t] * v[p];
        }
        count++;
      }
      if (count == 0) {
        target[row] = new double[rank];
        continue;
      }
      double lambdaRow = weighted ? lambda * count : lambda;
      for (int d = 0; d < rank; d++) {
        a[d][d] += lambdaRow;
      }
      target[row] = DenseLinearAlgebra.solve(a, b);
    }
  }
}
