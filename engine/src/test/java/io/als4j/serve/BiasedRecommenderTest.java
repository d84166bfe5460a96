package io.als4j.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.testing.DenseLinearAlgebra;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import io.als4j.train.AlsConfig;
import io.als4j.train.AlsTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Serving a model with biases: μ + bᵢ + cⱼ + w·u everywhere a score appears. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BiasedRecommenderTest {
  private static final int RANK = 5;
  private static RandomRatings data;
  private static AlsConfig config;
  private static AlsModel model;
  private static Recommender recommender;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    data = RandomRatings.uniform(60, 45, 0.35, TestSeeds.base() + 77);
    config = AlsConfig.builder().biases(false).rank(RANK).iterations(6).threads(2).biases(true).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      model = trainer.train(m);
      recommender = Recommender.of(model, config, m);
    }
  }

  @Test
  void predictionsAndTopNIncludeTheOffsets() {
    assertTrue(recommender.hasBiases());
    ServingContext ctx = recommender.newContext(7);
    for (int user = 0; user < 60; user++) {
      for (int item = 0; item < 45; item++) {
        assertEquals(model.predict(user, item), recommender.score(user, item));
      }
      int count = recommender.recommend(user, 7, false, null, ctx);
      List<Integer> all = new ArrayList<>();
      for (int j = 0; j < 45; j++) {
        all.add(j);
      }
      final int u = user;
      all.sort(Comparator.comparingDouble(j -> -model.predict(u, j)));
      double nth = model.predict(user, all.get(count - 1));
      for (int i = 0; i < count; i++) {
        assertEquals(model.predict(user, ctx.item(i)), ctx.score(i), 1e-4, "score of a result");
        assertTrue(model.predict(user, ctx.item(i)) >= nth - 1e-4);
      }
    }
  }

  @Test
  void foldInReproducesVectorAndOffset() {
    ServingContext ctx = recommender.newContext(1);
    double[] folded = new double[RANK + 1];
    double[] trained = new double[RANK + 1];
    for (int user = 0; user < 60; user++) {
      List<int[]> own = new ArrayList<>();
      for (int t = 0; t < data.size(); t++) {
        if (data.users[t] == user) {
          own.add(new int[] {data.items[t], t});
        }
      }
      own.sort(Comparator.comparingInt(p -> p[0]));
      int[] items = new int[own.size()];
      float[] ratings = new float[own.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = own.get(i)[0];
        ratings[i] = data.ratings[own.get(i)[1]];
      }
      recommender.foldIn(items, ratings, items.length, folded, ctx);
      recommender.userVector(user, trained);
      double rel = DenseLinearAlgebra.relativeDifference(folded, trained);
      assertTrue(rel <= 1e-9, "user " + user + ": " + rel);
    }
  }

  @Test
  void saveLoadAndUpdatesKeepTheOffsets() throws Exception {
    Recommender r = Recommender.of(model, config, null);
    ServingContext ctx = r.newContext(3);
    r.updateUser(4, new int[] {1, 2, 3}, new float[] {5, 1, 4}, 3, ctx);
    Path file = dir.resolve("biased.als");
    r.save(file);
    try (Recommender loaded = Recommender.load(file)) {
      assertTrue(loaded.hasBiases());
      assertTrue(loaded.config().biases());
      double[] a = new double[RANK + 1];
      double[] b = new double[RANK + 1];
      for (int user = 0; user < 60; user++) {
        r.userVector(user, a);
        loaded.userVector(user, b);
        assertArrayEquals(a, b);
        for (int item = 0; item < 45; item++) {
          assertEquals(r.score(user, item), loaded.score(user, item));
        }
      }
    }
  }
}
