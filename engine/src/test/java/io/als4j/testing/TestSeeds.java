package io.als4j.testing;

/**
 * The seed of randomized tests: fixed so CI is reproducible, overridable with {@code
 * -Dals4j.test.seed=N} to explore or to replay a failure (every failure message prints it).
 */
public final class TestSeeds {
  private TestSeeds() {}

  public static long base() {
    return Long.getLong("als4j.test.seed", 20261203L);
  }
}
