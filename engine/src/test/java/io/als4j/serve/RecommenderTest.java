package io.als4j.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.als4j.data.RatingMatrix;
import io.als4j.model.AlsModel;
import io.als4j.store.CorruptStoreException;
import io.als4j.testing.DenseLinearAlgebra;
import io.als4j.testing.RandomRatings;
import io.als4j.testing.TestSeeds;
import io.als4j.train.AlsConfig;
import io.als4j.train.FactorPrecision;
import io.als4j.train.AlsTrainer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecommenderTest {
  private static final int USERS = 70;
  private static final int ITEMS = 53;
  private static RandomRatings data;
  private static AlsConfig config;
  private static AlsModel model;
  private static Recommender recommender;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    data = RandomRatings.uniform(USERS, ITEMS, 0.3, TestSeeds.base());
    config = AlsConfig.builder().biases(false).rank(6).iterations(6).threads(2).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      model = trainer.train(m);
      long[] userIds = new long[USERS];
      long[] itemIds = new long[ITEMS];
      for (int u = 0; u < USERS; u++) {
        userIds[u] = 1000 + 3L * u;
      }
      for (int i = 0; i < ITEMS; i++) {
        itemIds[i] = 70_000_000_000L + i;
      }
      recommender = Recommender.of(model, config, m, userIds, itemIds);
    }
  }

  private static Set<Integer> ratedBy(int user) {
    Set<Integer> items = new HashSet<>();
    for (int t = 0; t < data.size(); t++) {
      if (data.users[t] == user) {
        items.add(data.items[t]);
      }
    }
    return items;
  }

  /**
   * Scores are float sums in the kernel and doubles here; they differ by ~1e-6 relative, so an item
   * may swap with one whose true score is that close. The check: every returned item is eligible,
   * the list is in non-increasing order of its scores, and its true score is within 1e-4 of the
   * n-th best true score among eligible items.
   */
  @Test
  void recommendMatchesABruteForceRankingExcludingRatedAndFiltered() {
    ServingContext ctx = recommender.newContext(10);
    for (int user = 0; user < USERS; user++) {
      Set<Integer> rated = ratedBy(user);
      ItemFilter filter = item -> item % 5 != 1;
      int count = recommender.recommend(user, 10, true, filter, ctx);
      List<Integer> eligible = new ArrayList<>();
      for (int j = 0; j < ITEMS; j++) {
        if (!rated.contains(j) && filter.allow(j)) {
          eligible.add(j);
        }
      }
      final int u = user;
      eligible.sort(Comparator.comparingDouble(j -> -model.predict(u, j)));
      assertEquals(Math.min(10, eligible.size()), count);
      double nth = model.predict(user, eligible.get(count - 1));
      for (int i = 0; i < count; i++) {
        int item = ctx.item(i);
        assertFalse(rated.contains(item), "rated item " + item + " recommended to " + user);
        assertTrue(filter.allow(item));
        assertTrue(model.predict(user, item) >= nth - 1e-4, "user " + user + " item " + item);
        assertEquals(model.predict(user, item), ctx.score(i), 1e-4);
        if (i > 0) {
          assertTrue(ctx.score(i) <= ctx.score(i - 1));
        }
      }
    }
  }

  /** The raw score is the model's; predict clamps it to the training range, and some need it. */
  @Test
  void predictClampsToTheTrainingRangeAndScoreDoesNot() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : data.ratings) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(min, recommender.ratingMin());
    assertEquals(max, recommender.ratingMax());
    int outside = 0;
    for (int u = 0; u < USERS; u++) {
      for (int i = 0; i < ITEMS; i++) {
        double raw = model.predict(u, i);
        assertEquals(raw, recommender.score(u, i), 1e-12 * Math.max(1, Math.abs(raw)));
        assertEquals(Math.max(min, Math.min(max, raw)), recommender.predict(u, i),
            1e-12 * Math.max(1, Math.abs(raw)));
        outside += raw < min || raw > max ? 1 : 0;
      }
    }
    assertTrue(outside > 0, "no raw score falls outside the range, so clamping is untested");
  }

  @Test
  void withoutExclusionTheTopItemIsTheBestOfAll() {
    ServingContext ctx = recommender.newContext(1);
    for (int user = 0; user < USERS; user++) {
      recommender.recommend(user, 1, false, null, ctx);
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < ITEMS; j++) {
        best = Math.max(best, model.predict(user, j));
      }
      assertEquals(best, model.predict(user, ctx.item(0)), 1e-4);
    }
  }

  @Test
  void similarItemsAreTheHighestCosineExcludingTheItemItself() {
    ServingContext ctx = recommender.newContext(5);
    double[] a = new double[6];
    double[] b = new double[6];
    for (int item = 0; item < ITEMS; item++) {
      int count = recommender.similarItems(item, 5, null, ctx);
      List<double[]> cosines = new ArrayList<>();
      model.itemFactors().copyRow(item, a, 0);
      for (int j = 0; j < ITEMS; j++) {
        if (j != item) {
          model.itemFactors().copyRow(j, b, 0);
          cosines.add(new double[] {j, cosine(a, b)});
        }
      }
      cosines.sort(Comparator.comparingDouble(c -> -c[1]));
      assertEquals(5, count);
      for (int i = 0; i < count; i++) {
        assertTrue(ctx.item(i) != item);
        assertEquals(cosines.get(i)[1], ctx.score(i), 1e-4, "item " + item + " rank " + i);
      }
    }
  }

  /** The trainer ends with a user half-sweep, so fold-in of a user's ratings is its vector. */
  @Test
  void foldInOfATrainedUsersRatingsReproducesItsVector() {
    for (int user = 0; user < USERS; user++) {
      double rel = foldInDifference(recommender, user);
      assertTrue(rel <= 1e-9, "user " + user + ": fold-in differs by " + rel);
    }
  }

  /**
   * The same for a model trained with double factors: its fold-in must not round (the model above
   * has float factors, and its fold-in rounds as training did).
   */
  @Test
  void foldInReproducesTheVectorsOfADoubleModelToo() {
    AlsConfig doubles = config.toBuilder().factorPrecision(FactorPrecision.DOUBLE).build();
    try (RatingMatrix m = data.toMatrix();
        AlsTrainer trainer = new AlsTrainer(doubles)) {
      Recommender exact = Recommender.of(trainer.train(m), doubles, m);
      boolean someFactorIsNotAFloat = false;
      for (int u = 0; u < USERS; u++) {
        double rel = foldInDifference(exact, u);
        assertTrue(rel <= 1e-9, "user " + u + ": fold-in differs by " + rel);
        double[] v = new double[6];
        exact.userVector(u, v);
        for (double x : v) {
          someFactorIsNotAFloat |= (float) x != x;
        }
      }
      assertTrue(someFactorIsNotAFloat, "DOUBLE training produced float-valued factors only");
    }
  }

  /** Relative difference between the fold-in of {@code user}'s training ratings and its vector. */
  private static double foldInDifference(Recommender model, int user) {
    ServingContext ctx = model.newContext(1);
    double[] folded = new double[6];
    double[] trained = new double[6];
    List<Integer> items = new ArrayList<>(ratedBy(user));
    items.sort(null);
    int[] itemArray = items.stream().mapToInt(Integer::intValue).toArray();
    float[] ratings = new float[itemArray.length];
    for (int t = 0; t < data.size(); t++) {
      if (data.users[t] == user) {
        ratings[items.indexOf(data.items[t])] = data.ratings[t];
      }
    }
    model.foldIn(itemArray, ratings, itemArray.length, folded, ctx);
    model.userVector(user, trained);
    return DenseLinearAlgebra.relativeDifference(folded, trained);
  }

  @Test
  void saveAndLoadRoundTripExactly() throws Exception {
    Path file = dir.resolve("model.als");
    recommender.save(file);
    try (Recommender loaded = Recommender.load(file)) {
      assertEquals(USERS, loaded.numUsers());
      assertEquals(config.lambda(), loaded.config().lambda());
      assertEquals(config.lambdaMode(), loaded.config().lambdaMode());
      // Fold-in must round as training did, so the precision travels with the model.
      assertEquals(config.factorPrecision(), loaded.config().factorPrecision());
      for (int u = 0; u < USERS; u += 7) {
        assertTrue(foldInDifference(loaded, u) <= 1e-9, "loaded model, user " + u);
      }
      double[] x = new double[6];
      double[] y = new double[6];
      for (int u = 0; u < USERS; u++) {
        recommender.userVector(u, x);
        loaded.userVector(u, y);
        assertArrayEquals(x, y);
        assertEquals(recommender.userId(u), loaded.userId(u));
        assertEquals(u, loaded.userIndex(1000 + 3L * u));
        for (int i = 0; i < ITEMS; i++) {
          assertEquals(recommender.score(u, i), loaded.score(u, i));
        }
      }
      assertEquals(52, loaded.itemIndex(70_000_000_052L));
      assertEquals(-1, loaded.itemIndex(5));
      ServingContext c1 = recommender.newContext(8);
      ServingContext c2 = loaded.newContext(8);
      for (int u = 0; u < USERS; u++) {
        int n1 = recommender.recommend(u, 8, true, null, c1);
        int n2 = loaded.recommend(u, 8, true, null, c2);
        assertEquals(n1, n2);
        for (int i = 0; i < n1; i++) {
          assertEquals(c1.item(i), c2.item(i));
        }
      }
    }
  }

  /** String ids (Last.fm's user hashes, MusicBrainz ids) are kept in the file and looked up. */
  @Test
  void stringIdsSurviveSaveAndLoad() throws Exception {
    String[] userNames = new String[USERS];
    String[] itemNames = new String[ITEMS];
    for (int u = 0; u < USERS; u++) {
      userNames[u] = "user-" + Integer.toHexString(0x5eed00 + 7 * u);
    }
    for (int i = 0; i < ITEMS; i++) {
      itemNames[i] = "Åland é " + i;
    }
    Path file = dir.resolve("names.als");
    try (RatingMatrix m = data.toMatrix();
        Recommender named = Recommender.of(model, config, m,
            io.als4j.data.ExternalIds.ofNames(userNames),
            io.als4j.data.ExternalIds.ofNames(itemNames))) {
      named.save(file);
    }
    try (Recommender loaded = Recommender.load(file)) {
      assertTrue(loaded.hasIds());
      assertFalse(loaded.hasNumericIds());
      for (int u = 0; u < USERS; u++) {
        assertEquals(u, loaded.userIndex(userNames[u]));
        assertEquals(userNames[u], loaded.userName(u));
      }
      for (int i = 0; i < ITEMS; i++) {
        assertEquals(i, loaded.itemIndex(itemNames[i]));
        assertEquals(itemNames[i], loaded.itemName(i));
      }
      assertEquals(-1, loaded.userIndex("nobody"));
      assertEquals(-1, loaded.userIndex(3L));
      assertThrows(IllegalStateException.class, () -> loaded.itemId(0));
    }
    // Integer ids answer text lookups too, as the command line asks.
    assertEquals(4, recommender.userIndex(" 1012"));
    assertEquals(-1, recommender.userIndex("twelve"));
    assertEquals("70000000052", recommender.itemName(52));
  }

  @Test
  void aDamagedModelFileIsRefused() throws Exception {
    Path file = dir.resolve("damaged.als");
    recommender.save(file);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(Files.size(file) / 2);
      f.write(0x5a);
    }
    CorruptStoreException e =
        assertThrows(CorruptStoreException.class, () -> Recommender.load(file));
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(Files.size(file) - 8);
    }
    e = assertThrows(CorruptStoreException.class, () -> Recommender.load(file));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void batchEqualsOneByOne() {
    int[] users = new int[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = USERS - 1 - u;
    }
    int n = 4;
    int[] items = new int[USERS * n];
    float[] scores = new float[USERS * n];
    int[] counts = new int[USERS];
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      recommender.recommendBatch(users, n, true, items, scores, counts, pool);
    } finally {
      pool.shutdown();
    }
    ServingContext ctx = recommender.newContext(n);
    for (int i = 0; i < USERS; i++) {
      int count = recommender.recommend(users[i], n, true, null, ctx);
      assertEquals(count, counts[i]);
      for (int r = 0; r < count; r++) {
        assertEquals(ctx.item(r), items[i * n + r]);
      }
    }
  }

  /**
   * A writer flips one user between two states while readers copy the vector: every copy must be
   * exactly one of the two, never a mix.
   */
  @Test
  void concurrentReadersNeverSeeATornVector() throws Exception {
    Recommender r = Recommender.of(model, config, null);
    int user = 3;
    int[] itemsA = {0, 1, 2, 3, 4, 5, 6, 7};
    float[] ratingsA = {5, 4, 5, 3, 4, 5, 2, 1};
    int[] itemsB = {10, 11, 12, 13, 14, 15, 16, 17, 18};
    float[] ratingsB = {1, 2, 1, 1, 2, 3, 1, 2, 1};
    ServingContext writerCtx = r.newContext(1);
    double[] stateA = new double[6];
    double[] stateB = new double[6];
    r.foldIn(itemsA, ratingsA, itemsA.length, stateA, writerCtx);
    r.foldIn(itemsB, ratingsB, itemsB.length, stateB, writerCtx);
    r.updateUser(user, itemsA, ratingsA, itemsA.length, writerCtx);

    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread reader =
          new Thread(
              () -> {
                double[] seen = new double[6];
                while (!stop.get() && torn.get() == null) {
                  r.userVector(user, seen);
                  if (!java.util.Arrays.equals(seen, stateA)
                      && !java.util.Arrays.equals(seen, stateB)) {
                    torn.set(java.util.Arrays.toString(seen) + "; A = "
                        + java.util.Arrays.toString(stateA) + ", B = "
                        + java.util.Arrays.toString(stateB));
                  }
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int flip = 0; flip < 20_000; flip++) {
      if (flip % 2 == 0) {
        r.updateUser(user, itemsB, ratingsB, itemsB.length, writerCtx);
      } else {
        r.updateUser(user, itemsA, ratingsA, itemsA.length, writerCtx);
      }
    }
    stop.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(null, torn.get(), "a reader saw a vector that is neither state");
  }

  @Test
  void updatesAreVisibleSavedAndExcluded() throws Exception {
    Recommender r = Recommender.of(model, config, null);
    assertThrows(IllegalStateException.class, () -> r.recommend(0, 3, true, null, r.newContext(3)));
    ServingContext ctx = r.newContext(3);
    int[] items = {9, 2, 40};
    float[] ratings = {5, 1, 4};
    r.updateUser(0, items, ratings, 3, ctx);
    double[] expected = new double[6];
    r.foldIn(new int[] {2, 9, 40}, new float[] {1, 5, 4}, 3, expected, ctx);
    double[] actual = new double[6];
    r.userVector(0, actual);
    assertArrayEquals(expected, actual);
    Path file = dir.resolve("updated.als");
    r.save(file);
    try (Recommender loaded = Recommender.load(file)) {
      loaded.userVector(0, actual);
      assertArrayEquals(expected, actual);
    }
  }

  @Test
  void badArgumentsAreNamed() {
    ServingContext ctx = recommender.newContext(5);
    assertEquals(
        "user: 70 (expected: 0..69)",
        assertThrows(IndexOutOfBoundsException.class, () -> recommender.predict(70, 0)).getMessage());
    assertEquals(
        "n: 6 (expected: 1..5)",
        assertThrows(
                IllegalArgumentException.class, () -> recommender.recommend(0, 6, false, null, ctx))
            .getMessage());
    assertEquals(
        "rating 2: item 4 is rated twice (expected: one rating per item)",
        assertThrows(
                IllegalArgumentException.class,
                () -> recommender.foldIn(new int[] {4, 7, 4}, new float[] {1, 2, 3}, 3,
                    new double[6], ctx))
            .getMessage());
    ServingContext other = Recommender.of(model, config, null).newContext(5);
    assertThrows(
        IllegalArgumentException.class, () -> recommender.recommend(0, 2, false, null, other));
  }

  private static double cosine(double[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int c = 0; c < a.length; c++) {
      ab += a[c] * b[c];
      aa += a[c] * a[c];
      bb += b[c] * b[c];
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }
}
