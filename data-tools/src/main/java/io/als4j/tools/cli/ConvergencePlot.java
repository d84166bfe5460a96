package io.als4j.tools.cli;

import io.als4j.train.IterationStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The convergence picture of a training run (XChart): training and validation RMSE per iteration,
 * and the cumulative time on a second axis at the right. From a random start the first iteration's
 * error is several times the rest, so the RMSE axis is capped at 1.5 × the second iteration's value
 * (the first point may sit at the top edge) to keep the part that matters readable.
 */
final class ConvergencePlot {
  private ConvergencePlot() {}

  static void checkName(Path file) {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException("--plot: " + file + " (expected: a .png file)");
    }
  }

  static void write(Path file, List<IterationStats> history) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int n = history.size();
    double[] iteration = new double[n];
    double[] train = new double[n];
    double[] validation = new double[n];
    double[] seconds = new double[n];
    double elapsed = 0;
    boolean validated = false;
    for (int i = 0; i < n; i++) {
      IterationStats s = history.get(i);
      iteration[i] = s.iteration();
      train[i] = s.loss().rmse();
      validation[i] = s.validationRmse();
      validated |= !Double.isNaN(s.validationRmse());
      elapsed += s.seconds();
      seconds[i] = elapsed;
    }
    XYChart chart = new XYChartBuilder().width(900).height(540)
        .title("als4j: convergence").xAxisTitle("iteration").yAxisTitle("RMSE").build();
    chart.getStyler().setYAxisDecimalPattern("0.000");
    if (n > 1) {
      double cap = 1.5 * Math.max(train[1], Double.isNaN(validation[1]) ? 0 : validation[1]);
      double floor = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        floor = Math.min(floor, Math.min(train[i], Double.isNaN(validation[i]) ? train[i] : validation[i]));
        train[i] = Math.min(train[i], cap);
        validation[i] = Double.isNaN(validation[i]) ? validation[i] : Math.min(validation[i], cap);
      }
      chart.getStyler().setYAxisMin(0, 0.95 * floor);
      chart.getStyler().setYAxisMax(0, cap);
    }
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.addSeries("training RMSE", iteration, train).setMarker(SeriesMarkers.CIRCLE);
    if (validated) {
      chart.addSeries("validation RMSE", iteration, validation).setMarker(SeriesMarkers.DIAMOND);
    }
    XYSeries time = chart.addSeries("cumulative seconds", iteration, seconds);
    time.setMarker(SeriesMarkers.NONE);
    time.setYAxisGroup(1);
    chart.setYAxisGroupTitle(1, "seconds");
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }
}
