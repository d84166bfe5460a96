package io.als4j.tools.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options recommend and similar share: which model, how many results. */
final class ModelQueryOptions {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file (train --save).")
  Path model;

  @Option(names = "-n", description = "How many items (default: ${DEFAULT-VALUE}).")
  int n = 10;
}
