package io.als4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import io.als4j.data.RatingMatrix;
import io.als4j.kernel.GramKernels;
import io.als4j.solve.LapackBackend;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.model.AlsModel;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlsTrainerTest {

  @Test
  void listenerSeesEveryIterationWithConsistentFigures() {
    RandomRatings data = RandomRatings.uniform(50, 40, 0.3, TestSeeds.base());
    AlsConfig config = AlsConfig.builder().biases(false).rank(6).iterations(5).threads(2).build();
    List<IterationStats> events = new ArrayList<>();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      AlsModel model = trainer.train(m, events::add);
      assertEquals(5, events.size());
      for (int i = 0; i < events.size(); i++) {
        IterationStats s = events.get(i);
        assertEquals(i + 1, s.iteration());
        assertEquals(5, s.iterations());
        assertEquals(m.numRatings(), s.loss().ratings());
        assertTrue(s.seconds() > 0 && s.ratingsPerSecond() > 0 && s.gflops() > 0, s.toString());
        if (i > 0) {
          assertTrue(s.loss().total() <= events.get(i - 1).loss().total() * (1 + 1e-12));
        }
      }
      // The reported training RMSE is the RMSE of predict() on the training ratings.
      double sse = 0;
      for (int t = 0; t < data.size(); t++) {
        double e = data.ratings[t] - model.predict(data.users[t], data.items[t]);
        sse += e * e;
      }
      double rmse = Math.sqrt(sse / data.size());
      assertEquals(rmse, events.get(4).loss().rmse(), 1e-12 * rmse);
    }
  }

  /** The regularized training loss of {@code model} under {@code trainer}'s config. */
  private static double loss(AlsTrainer trainer, RatingMatrix m, AlsModel model) {
    TrainingRun run = trainer.start(m);
    run.startFrom(model);
    return run.loss().total();
  }

  @Test
  void aWarmStartContinuesFromTheGivenModelAndLeavesItAlone() {
    RandomRatings data = RandomRatings.uniform(60, 45, 0.3, TestSeeds.base() + 21);
    for (boolean biases : new boolean[] {false, true}) {
      AlsConfig ten = AlsConfig.builder().biases(biases).rank(5).iterations(10).threads(2)
          .lambda(0.05).build();
      AlsConfig one = ten.toBuilder().iterations(1).build();
      try (RatingMatrix m = data.toMatrix();
          AlsTrainer tenIterations = new AlsTrainer(ten);
          AlsTrainer oneIteration = new AlsTrainer(one)) {
        AlsModel converged = tenIterations.train(m);
        double[] users = converged.userFactors().data().clone();
        double[] items = converged.itemFactors().data().clone();
        AlsModel warm = oneIteration.train(m, converged);
        AlsModel cold = oneIteration.train(m);
        double start = loss(oneIteration, m, converged);
        // ALS never raises the loss, so one more iteration from the converged model stays at or
        // below it, far below one iteration from random factors.
        assertTrue(loss(oneIteration, m, warm) <= start * (1 + 1e-12), "biases " + biases);
        assertTrue(loss(oneIteration, m, warm) < 0.9 * loss(oneIteration, m, cold), "biases " + biases);
        org.junit.jupiter.api.Assertions.assertArrayEquals(users, converged.userFactors().data());
        org.junit.jupiter.api.Assertions.assertArrayEquals(items, converged.itemFactors().data());
      }
    }
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer rank5 = new AlsTrainer(AlsConfig.builder().biases(false).rank(5).build());
        AlsTrainer rank6 = new AlsTrainer(AlsConfig.builder().biases(false).rank(6).build())) {
      AlsModel model = rank5.train(m);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> rank6.train(m, model));
      assertTrue(e.getMessage().contains("rank 5") && e.getMessage().contains("rank 6"),
          e.getMessage());
    }
  }

  @Test
  void trainingWithoutAListenerGivesTheSameFactors() {
    RandomRatings data = RandomRatings.uniform(30, 20, 0.4, TestSeeds.base() + 3);
    AlsConfig config = AlsConfig.builder().biases(false).rank(4).iterations(4).threads(2).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      AlsModel quiet = trainer.train(m);
      AlsModel heard = trainer.train(m, stats -> {});
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          heard.userFactors().data(), quiet.userFactors().data());
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          heard.itemFactors().data(), quiet.itemFactors().data());
    }
  }

  @Test
  void rowsWithoutRatingsGetTheZeroVector() {
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(4, 4)) {
      b.add(0, 0, 4f).add(0, 1, 3f).add(2, 1, 5f).add(2, 0, 1f);
      try (RatingMatrix m = b.build();
          AlsTrainer trainer = new AlsTrainer(AlsConfig.builder().biases(false).rank(3).threads(1).build())) {
        AlsModel model = trainer.train(m);
        for (int c = 0; c < 3; c++) {
          assertEquals(0.0, model.userFactors().get(1, c));
          assertEquals(0.0, model.userFactors().get(3, c));
          assertEquals(0.0, model.itemFactors().get(2, c));
        }
        assertEquals(0.0, model.predict(1, 0));
        assertTrue(model.predict(0, 0) > 1.0);
      }
    }
  }

  @Test
  void aSingularSystemNamesTheSideTheRowAndInfo() {
    // All-zero ratings make every user vector exactly zero; with λ = 0 the items' normal equations
    // are then the zero matrix, and Cholesky stops at the first pivot.
    try (RatingMatrixBuilder b = new RatingMatrixBuilder(6, 5)) {
      for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 5; j++) {
          b.add(i, j, 0f);
        }
      }
      AlsConfig config =
          AlsConfig.builder().biases(false).rank(2).lambda(0).lambdaMode(LambdaMode.PLAIN).threads(2).build();
      try (RatingMatrix m = b.build();
          AlsTrainer trainer = new AlsTrainer(config)) {
        SolveFailedException e = assertThrows(SolveFailedException.class, () -> trainer.train(m));
        assertEquals(Side.ITEMS, e.side());
        assertEquals(0, e.row());
        assertEquals(1, e.info());
        assertEquals(
            "dposv failed for item 0 (6 ratings, λ=0.0): info=1, the leading minor of order 1 is"
                + " not positive definite; use lambda > 0",
            e.getMessage());
      }
    }
  }

  @Test
  void requiringNativeLapackRefusesTheJavaFallback() {
    AlsConfig config = AlsConfig.builder().biases(false).rank(3).requireNativeLapack(true).build();
    ForkJoinPool pool = new ForkJoinPool(1);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new AlsTrainer(
                    config, pool, GramKernels.scalar(), JavaLAPACK.getInstance()));
    assertTrue(
        e.getMessage().startsWith("native LAPACK is required (requireNativeLapack,"
            + " --require-native) but F2jLAPACK is pure Java"),
        e.getMessage());
    pool.shutdown();
  }

  @Test
  void requiringNativeLapackIsSatisfiedByTheNativeBackend() {
    assumeTrue(LapackBackend.isNative(), "no native LAPACK in this JVM");
    AlsConfig config = AlsConfig.builder().biases(false).rank(3).iterations(1).requireNativeLapack(true).build();
    try (RatingMatrix m = RandomRatings.uniform(10, 10, 0.5, 2).toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      trainer.train(m);
    }
  }

  @Test
  void runsOnACallerSuppliedPoolAndLeavesItRunning() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try (RatingMatrix m = RandomRatings.uniform(20, 20, 0.3, 3).toMatrix();
        AlsTrainer trainer = new AlsTrainer(AlsConfig.builder().biases(false).rank(4).build(), pool)) {
      trainer.train(m);
    }
    assertTrue(!pool.isShutdown(), "a pool the caller owns must not be shut down");
    pool.shutdown();
  }
}
