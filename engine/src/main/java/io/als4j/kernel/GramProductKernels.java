package io.als4j.kernel;

/**
 * The {@link GramProductKernel}s: Panama where the active Gram kernel is Panama (so one switch,
 * {@code als4j.kernel}, and one log line cover every kernel), else scalar.
 *
 * <p>Must never mention a {@code jdk.incubator.vector} type; see {@link GramKernels}.
 */
public final class GramProductKernels {
  private static final String PANAMA_CLASS = "io.als4j.kernel.PanamaGramProductKernel";

  private GramProductKernels() {}

  /** The kernel that goes with the active Gram kernel. */
  public static GramProductKernel active() {
    return Holder.ACTIVE;
  }

  /** The kernel that goes with {@code gram}: Panama beside a Panama Gram kernel, else scalar. */
  public static GramProductKernel matching(GramKernel gram) {
    return gram.getClass().getName().equals("io.als4j.kernel.PanamaGramKernel") ? panama() : scalar();
  }

  /** The plain reference kernel. */
  public static GramProductKernel scalar() {
    return new ScalarGramProductKernel();
  }

  /**
   * The Panama kernel.
   *
   * @throws IllegalStateException if the Vector API is not available, with the flag that fixes it
   */
  public static GramProductKernel panama() {
    return GramKernels.loadPanama(PANAMA_CLASS, GramProductKernel.class);
  }

  private static final class Holder {
    static final GramProductKernel ACTIVE = matching(GramKernels.active());
  }
}
