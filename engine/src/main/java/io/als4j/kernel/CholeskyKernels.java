package io.als4j.kernel;

/**
 * The {@link CholeskyKernel}s: Panama where the Vector API is present (the same rule as {@link
 * GramKernels}, whose choice and log line cover both), else scalar.
 *
 * <p>Must never mention a {@code jdk.incubator.vector} type; see {@link GramKernels}.
 */
public final class CholeskyKernels {
  private static final String PANAMA_CLASS = "io.als4j.kernel.PanamaCholeskyKernel";

  private CholeskyKernels() {}

  /** Panama when the active Gram kernel is Panama (so als4j.kernel=scalar switches both), else scalar. */
  public static CholeskyKernel active() {
    return Holder.ACTIVE;
  }

  /** The plain reference kernel. */
  public static CholeskyKernel scalar() {
    return new ScalarCholeskyKernel();
  }

  /**
   * The Panama kernel.
   *
   * @throws IllegalStateException if the Vector API is not available, with the flag that fixes it
   */
  public static CholeskyKernel panama() {
    return GramKernels.loadPanama(PANAMA_CLASS, CholeskyKernel.class);
  }

  private static final class Holder {
    static final CholeskyKernel ACTIVE =
        GramKernels.active() instanceof ScalarGramKernel ? scalar() : panama();
  }
}
