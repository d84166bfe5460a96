package io.als4j.tools.cli;

import io.als4j.train.IterationStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-iteration history of a training run, as CSV or JSON (by the file name's ending). */
final class HistoryFile {
  static final String[] COLUMNS = {
    "iteration", "loss", "train_rmse", "validation_rmse", "validation_mae", "seconds", "gflops"
  };

  private HistoryFile() {}

  /** Checks the name before training, so a bad name does not cost a training run. */
  static void checkName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".json")) {
      throw new IllegalArgumentException("--history: " + file + " (expected: a .csv or .json file)");
    }
  }

  static void write(Path file, List<IterationStats> history) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IterationStats s : history) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(COLUMNS[0], s.iteration());
      row.put(COLUMNS[1], s.loss().total());
      row.put(COLUMNS[2], s.loss().rmse());
      row.put(COLUMNS[3], Double.isNaN(s.validationRmse()) ? null : s.validationRmse());
      row.put(COLUMNS[4], Double.isNaN(s.validationMae()) ? null : s.validationMae());
      row.put(COLUMNS[5], s.seconds());
      row.put(COLUMNS[6], s.gflops());
      rows.add(row);
    }
    TableFile.write(file, rows);
  }
}
