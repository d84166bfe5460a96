package io.als4j.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Floating-point operations done, which JMH reports as a rate in the benchmark's time unit (the
 * {@code flops} line: FLOP/ms = MFLOP/s for a millisecond benchmark, FLOP/s for a second one).
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class FlopCounter {
  public double flops;
}
