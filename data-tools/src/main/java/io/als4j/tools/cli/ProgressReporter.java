package io.als4j.tools.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on stderr: a progress bar with rate and ETA (me.tongfei:progressbar)
 * on a terminal; a plain line every few seconds when stderr is a file or a pipe (logs stay
 * readable); nothing with --quiet.
 */
final class ProgressReporter implements AutoCloseable {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final String task;
  private final PrintWriter err;
  private final ProgressBar bar;
  private final boolean quiet;
  private final long start = System.nanoTime();
  private long lastLine = start;

  private ProgressReporter(String task, PrintWriter err, ProgressBar bar, boolean quiet) {
    this.task = task;
    this.err = err;
    this.bar = bar;
    this.quiet = quiet;
  }

  /** For work measured in megabytes. */
  static ProgressReporter megabytes(String task, long totalBytes, boolean quiet, PrintWriter err) {
    ProgressBar bar = null;
    if (!quiet && System.console() != null) {
      bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(Math.max(1, totalBytes / 1_000_000))
          .setUnit(" MB", 1)
          .setStyle(ProgressBarStyle.ASCII)
          .showSpeed()
          .build();
    }
    return new ProgressReporter(task, err, bar, quiet);
  }

  void update(long doneBytes, long totalBytes) {
    if (quiet) {
      return;
    }
    if (bar != null) {
      bar.stepTo(doneBytes / 1_000_000);
      return;
    }
    long now = System.nanoTime();
    if (now - lastLine >= PLAIN_INTERVAL_NANOS) {
      lastLine = now;
      double seconds = (now - start) * 1e-9;
      double rate = doneBytes / 1e6 / seconds;
      double eta = rate > 0 ? (totalBytes - doneBytes) / 1e6 / rate : Double.NaN;
      err.printf(Locale.ROOT, "%s: %.0f %% (%.1f of %.1f MB), %.0f MB/s, about %.0f s left%n", task,
          100.0 * doneBytes / Math.max(1, totalBytes), doneBytes / 1e6, totalBytes / 1e6, rate, eta);
      err.flush();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
