package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlsConfigTest {

  @Test
  void defaultsAreValid() {
    AlsConfig c = AlsConfig.builder().build();
    assertEquals(AlsConfig.DEFAULT_RANK, c.rank());
    assertEquals(LambdaMode.WEIGHTED, c.lambdaMode());
    assertEquals(true, c.biases(), "explicit ratings get offsets unless asked not to");
    assertEquals(c.toString(), c.toBuilder().build().toString());
  }

  @Test
  void lambdaRuleFollowsTheMode() {
    AlsConfig weighted = AlsConfig.builder().lambda(0.5).lambdaMode(LambdaMode.WEIGHTED).build();
    AlsConfig plain = weighted.toBuilder().lambdaMode(LambdaMode.PLAIN).build();
    assertEquals(5.0, weighted.lambdaFor(10));
    assertEquals(0.5, plain.lambdaFor(10));
  }

  @Test
  void everyInvalidValueIsNamedWithWhatWasExpected() {
    assertInvalid("rank: 0 (expected: 1..2048)", AlsConfig.builder().rank(0));
    assertInvalid("rank: 5000 (expected: 1..2048)", AlsConfig.builder().rank(5000));
    assertInvalid(
        "lambda: -0.1 (expected: a finite number >= 0)", AlsConfig.builder().lambda(-0.1));
    assertInvalid(
        "lambda: NaN (expected: a finite number >= 0)", AlsConfig.builder().lambda(Double.NaN));
    assertInvalid(
        "lambda: Infinity (expected: a finite number >= 0)",
        AlsConfig.builder().lambda(Double.POSITIVE_INFINITY));
    assertInvalid(
        "lambdaMode: null (expected: PLAIN or WEIGHTED)", AlsConfig.builder().lambdaMode(null));
    assertInvalid("iterations: -1 (expected: >= 0)", AlsConfig.builder().iterations(-1));
    assertInvalid("threads: 0 (expected: 1..32767)", AlsConfig.builder().threads(0));
  }

  private static void assertInvalid(String message, AlsConfig.Builder builder) {
    assertEquals(
        message, assertThrows(IllegalArgumentException.class, builder::build).getMessage());
  }
}
