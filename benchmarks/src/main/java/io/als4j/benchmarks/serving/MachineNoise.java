package io.als4j.benchmarks.serving;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * How often this machine takes the CPU away from a busy thread, and for how long: the floor under
 * every tail percentile. One thread reads the clock back to back; any gap over {@link #PAUSE_NANOS}
 * is time the thread did not run (a timer interrupt, the hypervisor running another guest). A call
 * of t µs is then hit by such a pause with probability about rate × t, so once that passes 1 %,
 * p99 is the call's own time plus a typical pause, whatever the code does.
 */
final class MachineNoise {
  static final long PAUSE_NANOS = 5_000;

  private MachineNoise() {}

  /** Measures for {@code seconds} and describes the pauses in one line. */
  static String measure(double seconds) {
    Histogram pauses = new Histogram(3_600_000_000_000L, 3);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long last = start;
    long lost = 0;
    for (long now = start; now < end; now = System.nanoTime()) {
      long gap = now - last;
      if (gap > PAUSE_NANOS) {
        pauses.recordValue(gap);
        lost += gap;
      }
      last = now;
    }
    double elapsed = (System.nanoTime() - start) * 1e-9;
    long count = pauses.getTotalCount();
    return String.format(Locale.ROOT,
        "machine noise: %,.0f pauses/s over %d µs (median %.0f µs, p99 %.0f µs), %.1f %% of the"
            + " time; a call of t µs is paused with probability about %.2f %% per µs of t",
        count / elapsed, PAUSE_NANOS / 1000,
        count == 0 ? 0 : pauses.getValueAtPercentile(50) / 1e3,
        count == 0 ? 0 : pauses.getValueAtPercentile(99) / 1e3,
        100 * lost * 1e-9 / elapsed, 100 * count / elapsed * 1e-6);
  }
}
