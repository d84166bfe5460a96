package io.als4j.benchmarks.serving;

import io.als4j.serve.Recommender;
import io.als4j.serve.ServingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * Serving latency percentiles: each of 1..T threads calls one operation back to back for a fixed
 * time, recording every call's latency (System.nanoTime around the call) in its own HdrHistogram;
 * the histograms are merged and p50/p99/p99.9/max printed, with the combined throughput.
 *
 * <p>First it prints the machine's own noise ({@link MachineNoise}): how often a busy thread is
 * paused, which sets a floor under p99 that no code change moves.
 *
 * <p>Closed loop, no think time: it measures service time at full load, not response time under
 * an arrival rate (no coordinated-omission correction applies).
 */
public final class LatencyHarness {
  private LatencyHarness() {}

  private interface Operation {
    void call(ServingFixture f, ServingContext ctx, double[] vector, int r);
  }

  public static void main(String[] args) throws Exception {
    double seconds = 10;
    String threadList = "1,2";
    String opList = "predict,recommend,similar,foldIn";
    for (int a = 0; a < args.length; a += 2) {
      switch (args[a]) {
        case "--seconds" -> seconds = Double.parseDouble(args[a + 1]);
        case "--threads" -> threadList = args[a + 1];
        case "--ops" -> opList = args[a + 1];
        default -> throw new IllegalArgumentException(
            args[a] + " (expected: --seconds S, --threads 1,2, --ops predict,recommend,similar,foldIn)");
      }
    }
    long t0 = System.nanoTime();
    ServingFixture fixture = new ServingFixture(42);
    System.out.printf(
        Locale.ROOT, "model: %,d users × %,d items, K = %d, %d rated items per user (built in %.1f s)%n",
        ServingFixture.USERS, ServingFixture.ITEMS, ServingFixture.RANK, ServingFixture.RATED_PER_USER,
        (System.nanoTime() - t0) * 1e-9);
    System.out.println(MachineNoise.measure(Math.min(seconds, 5)));
    System.out.printf(
        Locale.ROOT, "%-10s %7s %12s %10s %10s %10s %10s%n", "operation", "threads", "calls/s",
        "p50 µs", "p99 µs", "p99.9 µs", "max µs");
    for (String op : opList.split(",")) {
      for (String t : threadList.split(",")) {
        run(fixture, op.trim(), operation(op.trim()), Integer.parseInt(t.trim()), seconds);
      }
    }
  }

  private static Operation operation(String name) {
    return switch (name) {
      case "predict" -> (f, ctx, v, r) -> v[0] = f.recommender.predict(f.users[r], f.items[r]);
      case "recommend" -> (f, ctx, v, r) -> f.recommender.recommend(f.users[r], 10, true, null, ctx);
      case "similar" -> (f, ctx, v, r) -> f.recommender.similarItems(f.items[r], 10, null, ctx);
      case "foldIn" -> (f, ctx, v, r) -> {
        int q = r & (f.foldInItems.length - 1);
        f.recommender.foldIn(
            f.foldInItems[q], f.foldInRatings[q], ServingFixture.FOLD_IN_RATINGS, v, ctx);
      };
      default -> throw new IllegalArgumentException(
          "operation: " + name + " (expected: predict, recommend, similar or foldIn)");
    };
  }

  private static void run(
      ServingFixture fixture, String name, Operation op, int threads, double seconds)
      throws InterruptedException {
    List<Histogram> histograms = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long[] calls = new long[threads];
    for (int t = 0; t < threads; t++) {
      Histogram histogram = new Histogram(3_600_000_000L, 3);
      histograms.add(histogram);
      final int id = t;
      Thread worker =
          new Thread(
              () -> {
                Recommender recommender = fixture.recommender;
                ServingContext ctx = recommender.newContext(10);
                double[] vector = new double[ServingFixture.RANK];
                // warm-up: half the measured time, not recorded
                long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
                int r = id * 977;
                while (System.nanoTime() < warmEnd) {
                  op.call(fixture, ctx, vector, r = (r + 1) & (ServingFixture.REQUESTS - 1));
                }
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                long end = System.nanoTime() + (long) (seconds * 1e9);
                long n = 0;
                long now = System.nanoTime();
                while (now < end) {
                  op.call(fixture, ctx, vector, r = (r + 1) & (ServingFixture.REQUESTS - 1));
                  long after = System.nanoTime();
                  histogram.recordValue(after - now);
                  now = after;
                  n++;
                }
                calls[id] = n;
              });
      worker.start();
      workers.add(worker);
    }
    Thread.sleep((long) (seconds * 0.5e3) + 200);
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    Histogram all = new Histogram(3_600_000_000L, 3);
    long total = 0;
    for (int t = 0; t < threads; t++) {
      all.add(histograms.get(t));
      total += calls[t];
    }
    System.out.printf(
        Locale.ROOT, "%-10s %7d %,12.0f %10.2f %10.2f %10.2f %10.2f%n", name, threads,
        total / seconds, all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3,
        all.getValueAtPercentile(99.9) / 1e3, all.getMaxValue() / 1e3);
  }
}
