package io.als4j.internal;

/** The names of every system property als4j reads, in one place. */
public final class Als4jProperties {
  /**
   * Which Gram kernel to use: {@code auto} (default), {@code scalar} or {@code panama}. A forced
   * value that cannot be honoured fails at start-up instead of silently measuring another kernel.
   */
  public static final String KERNEL = "als4j.kernel";

  /**
   * Vector width in bits for the Panama kernel (128, 256, 512, at most what the CPU prefers). Unset:
   * the preferred width. Lets one AVX2 machine test the 128-bit code that ARM and older x86 run.
   */
  public static final String VECTOR_BITS = "als4j.vectorBits";

  private Als4jProperties() {}
}
