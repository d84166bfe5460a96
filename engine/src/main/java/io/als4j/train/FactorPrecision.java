package io.als4j.train;

/**
 * The precision the trained factors are kept in. The normal equations are always accumulated and
 * solved in double; this only says whether each solution is rounded to float when it is stored.
 */
public enum FactorPrecision {
  /**
   * Every solved row is rounded to float (its values stay in the model's double arrays, exactly
   * representable as floats), and each half-sweep gathers the fixed side from a float copy: half
   * the bytes per gathered row: 1.13× faster at K = 10 on the ML-20M shape (benchmarks/RESULTS.md),
   * and the precision Spark, implicit and LibMF keep factors in too. Rounding a row's exact minimizer raises its loss only to second order in the
   * rounding (of the order of 2⁻⁴⁸ relative), far below anything a rating can show.
   */
  FLOAT,
  /** Solutions are kept in full double precision and gathered as doubles. */
  DOUBLE;

  /** {@code x} as this precision stores it. */
  double round(double x) {
    return this == FLOAT ? (double) (float) x : x;
  }
}
