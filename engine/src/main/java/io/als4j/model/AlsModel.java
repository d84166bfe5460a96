package io.als4j.model;

/**
 * A trained factorization R ≈ W Uᵀ: user factors W (numUsers × rank) and item factors U (numItems ×
 * rank), optionally with a global mean and per-user and per-item offsets. A user or item that had
 * no training rating has the zero vector (and a zero offset).
 */
public final class AlsModel {
  private final FactorMatrix userFactors;
  private final FactorMatrix itemFactors;
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;

  /** A model without biases: r̂ = w·u. */
  public AlsModel(FactorMatrix userFactors, FactorMatrix itemFactors) {
    this(userFactors, itemFactors, 0, null, null);
  }

  /**
   * A model with biases: r̂ᵢⱼ = mean + userBias[i] + itemBias[j] + wᵢ·uⱼ (the arrays are live: the
   * trainer updates them in place).
   */
  public AlsModel(
      FactorMatrix userFactors, FactorMatrix itemFactors, double mean, double[] userBias,
      double[] itemBias) {
    if ((userBias == null) != (itemBias == null)
        || (userBias != null && (userBias.length != userFactors.rows()
            || itemBias.length != itemFactors.rows()))) {
      throw new IllegalArgumentException("biases: expected one per user and one per item, or none");
    }
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
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

  /** Whether the model has a mean and per-user and per-item offsets. */
  public boolean hasBiases() {
    return userBias != null;
  }

  /** The global mean μ (0 without biases). */
  public double mean() {
    return mean;
  }

  /** User {@code user}'s offset bᵢ (0 without biases). */
  public double userBias(int user) {
    return userBias == null ? 0 : userBias[user];
  }

  /** Item {@code item}'s offset cⱼ (0 without biases). */
  public double itemBias(int item) {
    return itemBias == null ? 0 : itemBias[item];
  }

  /** The predicted rating μ + bᵤ + cᵢ + wᵤ·uᵢ (just wᵤ·uᵢ without biases). */
  public double predict(int user, int item) {
    double dot = userFactors.dot(user, itemFactors, item);
    return userBias == null ? dot : mean + userBias[user] + itemBias[item] + dot;
  }
}
