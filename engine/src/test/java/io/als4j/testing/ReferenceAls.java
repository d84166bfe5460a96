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
  /** With biases: the mean and the offsets (else null). */
  public final double[] userBias;
  public final double[] itemBias;
  public final double mean;
  /** Round every solution to float when it is stored, as the engine's FLOAT factor precision does. */
  public boolean roundToFloat;

  public ReferenceAls(
      RandomRatings data,
      int rank,
      double lambda,
      boolean weighted,
      double[][] initialUsers,
      double[][] initialItems) {
    this(data, rank, lambda, weighted, initialUsers, initialItems, false);
  }

  /** With {@code biases}: r̂ = mean + bᵢ + cⱼ + wᵢ·uⱼ, offsets starting at zero. */
  public ReferenceAls(
      RandomRatings data,
      int rank,
      double lambda,
      boolean weighted,
      double[][] initialUsers,
      double[][] initialItems,
      boolean biases) {
    this.data = data;
    this.rank = rank;
    this.lambda = lambda;
    this.weighted = weighted;
    this.users = initialUsers;
    this.items = initialItems;
    double sum = 0;
    for (float r : data.ratings) {
      sum += r;
    }
    this.mean = biases ? sum / data.size() : 0;
    this.userBias = biases ? new double[initialUsers.length] : null;
    this.itemBias = biases ? new double[initialItems.length] : null;
  }

  public void iterate() {
    solveSide(true);
    solveSide(false);
  }

  /**
   * Solves every user (forUsers) or every item against the other side's current factors. With
   * biases each system has one more unknown (the row's offset) against a constant feature 1, and
   * fits the rating minus the mean and the other side's offset.
   */
  private void solveSide(boolean forUsers) {
    double[][] target = forUsers ? users : items;
    double[][] fixed = forUsers ? items : users;
    double[] targetBias = forUsers ? userBias : itemBias;
    double[] fixedBias = forUsers ? itemBias : userBias;
    int dim = rank + (targetBias != null ? 1 : 0);
    for (int row = 0; row < target.length; row++) {
      double[][] a = new double[dim][dim];
      double[] b = new double[dim];
      int count = 0;
      for (int t = 0; t < data.size(); t++) {
        int mine = forUsers ? data.users[t] : data.items[t];
        if (mine != row) {
          continue;
        }
        int other = forUsers ? data.items[t] : data.users[t];
        double[] v = new double[dim];
        System.arraycopy(fixed[other], 0, v, 0, rank);
        double y = data.ratings[t];
        if (targetBias != null) {
          v[rank] = 1;
          y -= mean + fixedBias[other];
        }
        for (int p = 0; p < dim; p++) {
          for (int q = 0; q < dim; q++) {
            a[p][q] += v[p] * v[q];
          }
          b[p] += y * v[p];
        }
        count++;
      }
      if (count == 0) {
        target[row] = new double[rank];
        if (targetBias != null) {
          targetBias[row] = 0;
        }
        continue;
      }
      double lambdaRow = weighted ? lambda * count : lambda;
      for (int d = 0; d < dim; d++) {
        a[d][d] += lambdaRow;
      }
      double[] x = DenseLinearAlgebra.solve(a, b);
      if (roundToFloat) {
        for (int d = 0; d < dim; d++) {
          x[d] = (float) x[d];
        }
      }
      target[row] = java.util.Arrays.copyOf(x, rank);
      if (targetBias != null) {
        targetBias[row] = x[rank];
      }
    }
  }
}
