package io.als4j.model;

/**
 * A trained factorization R ≈ W Uᵀ: user factors W (numUsers × rank) and item factors U (numItems ×
 * rank). A user or item that had no training rating has the zero vector, so its predictions are 0.
 */
public final class AlsModel {
  private final FactorMatrix userFactors;
  private final FactorMatrix itemFactors;

  public AlsModel(FactorMatrix userFactors, FactorMatrix itemFactors) {
    if (userFactors.rank() != itemFactors.rank()) {
      throw new IllegalArgumentException(
          "ranks differ: users " + userFactors.rank() + ", items " + itemFactors.rank());
    }
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
  }

  public int rank() {
    return userFactors.rank();
  }

  public int numUsers() {
    return userFactors.rows();
  }

  public int numItems() {
    return itemFactors.rows();
  }

  public FactorMatrix userFactors() {
    return userFactors;
  }

  public FactorMatrix itemFactors() {
    return itemFactors;
  }

  /** The predicted rating wᵤ·uᵢ. */
  public double predict(int user, int item) {
    return userFactors.dot(user, itemFactors, item);
  }
}
