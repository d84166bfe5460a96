package io.als4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.als4j.internal.Als4jProperties;
import org.junit.jupiter.api.Test;

class GramKernelsTest {

  /**
   * Each Surefire execution says which kernel it must have run ({@code als4j.test.expectKernel}),
   * so a green build proves both the Panama and the scalar fallback path were exercised.
   */
  @Test
  void activeKernelIsTheOneThisTestRunExpects() {
    String expected = System.getProperty("als4j.test.expectKernel");
    assumeTrue(expected != null, "no expectation set for this run");
    String active = GramKernels.active().description();
    assertTrue(
        active.toLowerCase().startsWith(expected.toLowerCase()),
        "active kernel '" + active + "', expected '" + expected + "'");
    String bits = System.getProperty(Als4jProperties.VECTOR_BITS);
    if (bits != null && expected.equals("panama")) {
      assertTrue(active.contains(" " + bits + "-bit "), active + " is not " + bits + "-bit");
    }
  }

  @Test
  void autoPicksPanamaExactlyWhenTheModuleIsPresent() {
    GramKernel auto = GramKernels.select("auto");
    if (GramKernels.panamaAvailable()) {
      assertTrue(auto.description().startsWith("Panama"), auto.description());
    } else {
      assertEquals(null, auto, "auto must fall back (to scalar) without the module");
    }
  }

  @Test
  void scalarCanAlwaysBeForced() {
    assertInstanceOf(ScalarGramKernel.class, GramKernels.select("scalar"));
  }

  @Test
  void unknownChoiceIsRejectedWithTheExpectedValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GramKernels.select("avx9"));
    assertEquals("als4j.kernel: avx9 (expected: auto, scalar or panama)", e.getMessage());
  }

  @Test
  void forcingPanamaWithoutTheModuleFailsLoudly() {
    assumeFalse(GramKernels.panamaAvailable(), "the module is present in this run");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> GramKernels.select("panama"));
    assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
  }
}
