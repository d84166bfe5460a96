package io.als4j.tools.synth;

import io.als4j.tools.Ratings;

/**
 * Generated ratings together with what generated them: the noiseless planted value of every
 * rating, so an evaluation can say how close to the best possible model a trained one is.
 */
public final class SyntheticDataset {
  private final SyntheticSpec spec;
  private final Ratings ratings;
  private final double[] planted;

  SyntheticDataset(SyntheticSpec spec, Ratings ratings, double[] planted) {
    this.spec = spec;
    this.ratings = ratings;
    this.planted = planted;
  }

  public SyntheticSpec spec() {
    return spec;
  }

  public Ratings ratings() {
    return ratings;
  }

  /** The planted model's noiseless value of rating {@code t}: μ + bᵢ + cⱼ + wᵢ·uⱼ before noise,
   * rounding and clamping. */
  public double planted(int t) {
    return planted[t];
  }
}
