package io.als4j.kernel;

import io.als4j.internal.Als4jProperties;
import java.lang.System.Logger.Level;

/**
 * Picks the {@link ScoringKernel} once per JVM, by the same rule and property ({@value
 * Als4jProperties#KERNEL}) as {@link GramKernels}. Never mentions a Vector API type.
 */
public final class ScoringKernels {
  private static final System.Logger LOG = System.getLogger("io.als4j.kernel");
  /** The scalar kernel's block width: AVX2's float lane count, so layouts match on this hardware. */
  static final int SCALAR_WIDTH = 8;

  private ScoringKernels() {}

  public static ScoringKernel active() {
    return Holder.ACTIVE;
  }

  public static ScoringKernel scalar() {
    return new ScalarScoringKernel(SCALAR_WIDTH);
  }

  /**
   * @throws IllegalStateException if the Vector API is not available, with the flag that fixes it
   */
  public static ScoringKernel panama() {
    return GramKernels.loadPanama("io.als4j.kernel.PanamaScoringKernel", ScoringKernel.class);
  }

  private static final class Holder {
    static final ScoringKernel ACTIVE = choose();

    private static ScoringKernel choose() {
      GramKernel gram = GramKernels.active();
      ScoringKernel kernel = gram instanceof ScalarGramKernel ? scalar() : panama();
      LOG.log(Level.DEBUG, "Scoring kernel: " + kernel.description());
      return kernel;
    }
  }
}
