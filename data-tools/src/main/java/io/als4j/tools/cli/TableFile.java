package io.als4j.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of named values written as CSV (a header, then one line per row; an absent value is an
 * empty cell) or as a JSON array of objects (Jackson; an absent value is null).
 */
final class TableFile {
  private TableFile() {}

  /** As JSON when {@code file} ends in .json, else as CSV. */
  static void write(Path file, List<Map<String, Object>> rows) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      writeJson(file, rows);
    } else {
      writeCsv(file, rows);
    }
  }

  static void writeCsv(Path file, List<Map<String, Object>> rows) throws IOException {
    StringBuilder csv = new StringBuilder();
    if (!rows.isEmpty()) {
      csv.append(String.join(",", rows.get(0).keySet())).append('\n');
    }
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (Object v : row.values()) {
        cells.add(v == null ? "" : v.toString());
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    Files.writeString(file, csv);
  }

  static void writeJson(Path file, List<Map<String, Object>> rows) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), rows);
  }
}
