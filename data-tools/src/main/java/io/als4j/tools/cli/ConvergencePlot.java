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
 * error can be several times the rest, so the RMSE axis spans what the later iterations reach, plus
 * a quarter of that span above them (a higher first point sits at the top edge): the part that
 * matters fills the picture.
 */
final class ConvergencePlot {
  private ConvergencePlot() {}

  static void checkName(Path file) {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException("--plot: " + file + " (expected: a .png file)");
    }
  }

  /** The legend's note for a point drawn at the top edge instead of its value. */
  private static String offScale(int index, double value) {
    return String.format(Locale.ROOT, " (iteration %d: %.3f, off the scale)", index + 1, value);
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
    String trainLabel = "training RMSE";
    String validationLabel = "validation RMSE";
    if (n > 1) {
      double floor = Double.POSITIVE_INFINITY;
      double later = 0;
      for (int i = 0; i < n; i++) {
        double low = Double.isNaN(validation[i]) ? train[i] : Math.min(train[i], validation[i]);
        double high = Double.isNaN(validation[i]) ? train[i] : Math.max(train[i], validation[i]);
        floor = Math.min(floor, low);
        if (i > 0) {
          later = Math.max(later, high);
        }
      }
      double cap = later + 0.25 * (later - floor);
      for (int i = 0; i < n; i++) {
        if (train[i] > cap) {
          trainLabel += offScale(i, train[i]);
          train[i] = cap;
        }
        if (validation[i] > cap) { // false for NaN
          validationLabel += offScale(i, validation[i]);
          validation[i] = cap;
        }
      }
      chart.getStyler().setYAxisMin(0, 0.95 * floor);
      chart.getStyler().setYAxisMax(0, cap);
    }
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.addSeries(trainLabel, iteration, train).setMarker(SeriesMarkers.CIRCLE);
    if (validated) {
      chart.addSeries(validationLabel, iteration, validation).setMarker(SeriesMarkers.DIAMOND);
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
