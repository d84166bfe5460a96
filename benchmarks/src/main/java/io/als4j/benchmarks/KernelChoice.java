package io.als4j.benchmarks;

import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramKernels;

/** The Gram kernels a benchmark can be asked for by {@code @Param} name. */
final class KernelChoice {
  private KernelChoice() {}

  /**
   * "scalar", "panama" or "dsyrk" (BLAS, for comparison); "panama" fails loudly rather than quietly
   * measuring scalar code.
   */
  static GramKernel named(String name) {
    switch (name) {
      case "scalar":
        return GramKernels.scalar();
      case "panama":
        return GramKernels.panama();
      case "dsyrk":
        return new DsyrkGramKernel();
      default:
        throw new IllegalArgumentException("kernel: " + name + " (expected: scalar, panama or dsyrk)");
    }
  }
}
