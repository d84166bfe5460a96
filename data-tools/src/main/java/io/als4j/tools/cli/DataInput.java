package io.als4j.tools.cli;

import io.als4j.data.Dataset;
import io.als4j.data.DatasetFile;
import io.als4j.tools.importer.ImportOptions;
import io.als4j.tools.importer.ImportResult;
import io.als4j.tools.importer.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the commands accept as data: a dataset store, or any file import reads. */
final class DataInput {
  private DataInput() {}

  /** A dataset store is opened in place; any other file is imported (format detected). */
  static Dataset load(Path input, PrintWriter out) throws IOException {
    if (DatasetFile.looksLikeStore(input)) {
      Dataset dataset = DatasetFile.open(input);
      out.printf(Locale.ROOT, "data: %s (dataset store)%n", input);
      return dataset;
    }
    long t0 = System.nanoTime();
    ImportResult result = Importer.run(List.of(input), ImportOptions.defaults());
    out.printf(Locale.ROOT, "data: %s%n", input);
    ImportCommand.report(out, result, (System.nanoTime() - t0) * 1e-9);
    return result.dataset();
  }
}
