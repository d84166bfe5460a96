package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** generate → split → train --save → evaluate, and k-fold cross-validation, as a user runs them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EvaluationCommandsTest {
  @TempDir Path dir;

  private static double number(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), p + " not in:\n" + text);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void generateSplitTrainAndEvaluateASavedModel() {
    Path data = dir.resolve("g.als4j");
    CliRunner gen = new CliRunner();
    assertEquals(0, gen.run("generate", "--preset", "ml-100k", "-o", data.toString()), gen.err());
    assertTrue(gen.out().contains("generated 100,000 ratings (943 users × 1,682 items)"), gen.out());

    CliRunner split = new CliRunner();
    assertEquals(0, split.run("split", "--input", data.toString(), "--method", "random",
        "--fraction", "0.2", "-o", dir.resolve("s").toString()), split.err());
    assertTrue(split.out().contains("s-train.als4j: 80,000 ratings"), split.out());
    assertTrue(Files.exists(dir.resolve("s-test.als4j")));

    Path model = dir.resolve("m.als");
    CliRunner train = new CliRunner();
    assertEquals(0, train.run("train", "--input", dir.resolve("s-train.als4j").toString(),
        "--holdout", "0.05", "-t", "6", "--save", model.toString()), train.err());

    CliRunner eval = new CliRunner();
    assertEquals(0, eval.run("evaluate", "--model", model.toString(), "--test",
        dir.resolve("s-test.als4j").toString()), eval.err());
    double rmse = number(Pattern.compile("RMSE ([0-9.]+)"), eval.out());
    // The planted model scores about 0.77 (σ = 0.75 plus rounding to stars, less clamping) and is
    // the floor; predicting the mean for everything scores about 1.1 (the ratings' standard
    // deviation), offsets alone about 0.9; a trained model lies between floor and offsets.
    assertTrue(rmse > 0.75 && rmse < 0.95, eval.out());
  }

  @Test
  void kFoldCrossValidationReportsEveryFoldAndMeanAndDeviation() {
    Path data = dir.resolve("g.als4j");
    assertEquals(0, new CliRunner().run("generate", "--preset", "ml-100k", "-o", data.toString()));
    CliRunner cv = new CliRunner();
    assertEquals(0, cv.run("evaluate", "--input", data.toString(), "--folds", "3", "-t", "4",
        "--unknown", "MEAN"), cv.err());
    for (int f = 1; f <= 3; f++) {
      assertTrue(cv.out().contains("\n    " + f + "   0."), "fold " + f + ":\n" + cv.out());
    }
    double mean = number(Pattern.compile("RMSE ([0-9.]+) ±"), cv.out());
    assertTrue(mean > 0.75 && mean < 0.95, cv.out());
  }

  @Test
  void tuneSortsConfigurationsByCrossValidatedRmseAndWritesThem() throws java.io.IOException {
    Path data = dir.resolve("g.als4j");
    assertEquals(0, new CliRunner().run("generate", "--preset", "ml-100k", "-o", data.toString()));
    String prefix = dir.resolve("t").toString();
    CliRunner tune = new CliRunner();
    assertEquals(0, tune.run("tune", "--input", data.toString(), "--folds", "2", "--ranks", "3,6",
        "--lambdas", "0.05", "--biases", "false,true", "-t", "3", "-o", prefix), tune.err());
    java.util.List<String> csv = Files.readAllLines(Path.of(prefix + ".csv"));
    assertEquals(5, csv.size(), "a header and 4 configurations");
    double previous = 0;
    for (int i = 1; i < csv.size(); i++) {
      double rmse = Double.parseDouble(csv.get(i).split(",")[4]);
      assertTrue(rmse >= previous, "sorted by mean RMSE: " + csv);
      previous = rmse;
    }
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(prefix + ".json").toFile());
    assertEquals(4, json.size());
    assertEquals(csv.get(1).split(",")[0], json.get(0).get("rank").asText());

    CliRunner sampled = new CliRunner();
    String other = dir.resolve("s").toString();
    assertEquals(0, sampled.run("tune", "--input", data.toString(), "--folds", "2", "--ranks",
        "3,6", "--lambdas", "0.05", "--biases", "false,true", "-t", "2", "--sample", "2", "-o",
        other), sampled.err());
    assertEquals(3, Files.readAllLines(Path.of(other + ".csv")).size());
  }

  @Test
  void aTemporalSplitWithoutTimestampsIsAClearError() {
    Path data = dir.resolve("g.als4j");
    assertEquals(0, new CliRunner().run("generate", "--preset", "ml-100k", "-o", data.toString()));
    CliRunner split = new CliRunner();
    assertEquals(1, split.run("split", "--input", data.toString(), "--method", "temporal", "-o",
        dir.resolve("t").toString()));
    assertEquals("als4j split: a temporal split needs timestamps, and these ratings have none",
        split.err().strip());
  }
}
