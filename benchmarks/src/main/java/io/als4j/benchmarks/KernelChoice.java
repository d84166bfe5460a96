package io.als4j.benchmarks;

import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramKernels;

/** The Gram kernels a benchmark can be asked for by {@code @Param} name. */
final class KernelChoice {
  private KernelChoice() {}

  /** "scalar" or "panama"; "panama" fails loudly rather than quietly measuring scalar code. */
  static GramKernel named(String name) {
    switch (name) {
      case "scalar":
        return GramKernels.scalar();
      case "panama":
        return GramKernels.panama();
      default:
        throw new IllegalArgumentException("kernel: " + name + " (expected: scalar or panama)");
    }
  }
}
