package io.als4j.serve;

import io.als4j.data.ExternalIds;
import io.als4j.data.RatingMatrix;
import io.als4j.internal.ParallelChunks;
import io.als4j.kernel.ScoringKernel;
import io.als4j.kernel.ScoringKernels;
import io.als4j.model.AlsModel;
import io.als4j.train.AlsConfig;
import io.als4j.train.FoldIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A trained model as a serving component: scores, top-N recommendations, similar items and
 * fold-in, thread-safe for any number of concurrent readers and allocation-free per call in steady
 * state (each thread passes its own {@link ServingContext}).
 *
 * <p>Items are scored by a SIMD kernel over all items ({@link ScoringKernel}, float, transposed
 * blocks) and the best n kept by a bounded heap ({@link TopN}). Cosine similarity uses a second copy
 * of the item factors scaled to unit length, made once at load.
 *
 * <p><b>Consistency of {@link #updateUser}.</b> A user's new vector and rated items are published
 * together as one immutable object through a volatile write. A call running concurrently sees the
 * user either entirely as before or entirely as after the update, never a mix of two vectors; every
 * call that starts after {@code updateUser} returned sees the update. Updates live in memory until
 * {@link #save} writes them into a model file.
 */
public final class Recommender implements AutoCloseable {
  private final AlsConfig config;
  private final int numUsers;
  private final int numItems;
  private final int rank;
  private final UserFactors users;
  private final double[] itemFactors;
  private final RatedItems rated;
  /** External ids both ways; null when the model has none. */
  private final IdIndex userIds;
  private final IdIndex itemIds;
  private final io.als4j.store.StoreReader store;
  private final ScoringKernel kernel;
  private final ItemBlocks items;
  private final ItemBlocks unitItems;
  private final AtomicReferenceArray<UserUpdate> updates;
  /** {min, max, mean} of the training ratings; NaN when unknown. */
  private final double[] ratingStats;
  /** The model's global mean μ, and offsets (null without biases). */
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;
  /** Numbers per user state: the rank, plus the offset with biases. */
  private final int dims;

  /** A user's replacement state, published whole: vector (then offset, with biases), rated items. */
  private record UserUpdate(double[] vector, int[] rated) {}

  Recommender(
      AlsConfig config,
      int numUsers,
      int numItems,
      UserFactors users,
      double[] itemFactors,
      RatedItems rated,
      ExternalIds userIds,
      ExternalIds itemIds,
      double[] ratingStats,
      double mean,
      double[] userBias,
      double[] itemBias,
      io.als4j.store.StoreReader store) {
    this.config = config;
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.rank = config.rank();
    this.users = users;
    this.itemFactors = itemFactors;
    this.rated = rated;
    this.userIds = IdIndex.of("userIds", userIds, numUsers);
    this.itemIds = IdIndex.of("itemIds", itemIds, numItems);
    this.store = store;
    this.ratingStats = ratingStats.clone();
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
    this.dims = rank + (userBias == null ? 0 : 1);
    this.kernel = ScoringKernels.active();
    this.items = ItemBlocks.of(itemFactors, itemBias, numItems, rank, kernel.blockWidth(), false);
    this.unitItems = ItemBlocks.of(itemFactors, numItems, rank, kernel.blockWidth(), true);
    this.updates = new AtomicReferenceArray<>(numUsers);
  }

  /**
   * Serves a model trained in this JVM.
   *
   * @param config the config it was trained with (fold-in uses its rank and λ rule)
   * @param training the training ratings, for "exclude rated"; may be null (then nothing is
   *     excluded). Copied: the matrix may be closed afterwards.
   * @param userIds external user ids by dense index (integers or strings), or null
   * @param itemIds external item ids by dense index, or null
   */
  public static Recommender of(
      AlsModel model, AlsConfig config, RatingMatrix training, ExternalIds userIds,
      ExternalIds itemIds) {
    if (model.hasBiases() != config.biases()) {
      throw new IllegalArgumentException(
          "biases: the model " + (model.hasBiases() ? "has" : "has no") + " offsets, the config"
              + " says " + config.biases() + " (expected: the config the model was trained with)");
    }
    if (model.rank() != config.rank()) {
      throw new IllegalArgumentException(
          "rank: model " + model.rank() + ", config " + config.rank() + " (expected: equal)");
    }
    return new Recommender(
        config,
        model.numUsers(),
        model.numItems(),
        UserFactors.heap(model.userFactors().data(), model.rank()),
        model.itemFactors().data(),
        training == null ? null : RatedItems.copyOf(training.byUser()),
        userIds,
        itemIds,
        training == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : stats(training),
        model.mean(),
        model.hasBiases() ? offsets(model, true) : null,
        model.hasBiases() ? offsets(model, false) : null,
        null);
  }

  /** A model whose ids are its dense indices. */
  public static Recommender of(AlsModel model, AlsConfig config, RatingMatrix training) {
    return of(model, config, training, (ExternalIds) null, null);
  }

  /** {@link #of(AlsModel, AlsConfig, RatingMatrix, ExternalIds, ExternalIds)} with integer ids. */
  public static Recommender of(
      AlsModel model, AlsConfig config, RatingMatrix training, long[] userIds, long[] itemIds) {
    return of(model, config, training, userIds == null ? null : ExternalIds.ofNumbers(userIds),
        itemIds == null ? null : ExternalIds.ofNumbers(itemIds));
  }

  private static double[] offsets(AlsModel model, boolean users) {
    double[] out = new double[users ? model.numUsers() : model.numItems()];
    for (int i = 0; i < out.length; i++) {
      out[i] = users ? model.userBias(i) : model.itemBias(i);
    }
    return out;
  }

  private static double[] stats(RatingMatrix training) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (long pos = 0; pos < training.numRatings(); pos++) {
      double v = training.byUser().value(pos);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return training.numRatings() == 0
        ? new double[] {Double.NaN, Double.NaN, Double.NaN}
        : new double[] {min, max, sum / training.numRatings()};
  }

  /** Opens a model file written by {@link #save}; see {@link ModelFile}. */
  public static Recommender load(Path file) throws IOException {
    return ModelFile.load(file);
  }

  /** Writes this model, with every {@link #updateUser} so far, to {@code file} atomically. */
  public void save(Path file) throws IOException {
    ModelFile.save(this, file);
  }

  public int numUsers() {
    return numUsers;
  }

  public int numItems() {
    return numItems;
  }

  public int rank() {
    return rank;
  }

  public AlsConfig config() {
    return config;
  }

  /** Smallest training rating, or NaN if the model was built without its training ratings. */
  public double ratingMin() {
    return ratingStats[0];
  }

  /** Largest training rating, or NaN. */
  public double ratingMax() {
    return ratingStats[1];
  }

  /** Mean training rating, or NaN. */
  public double ratingMean() {
    return ratingStats[2];
  }

  /** Whether the model knows which items each user rated (needed to exclude them). */
  public boolean hasRatedItems() {
    return rated != null;
  }

  /** Whether the model carries external ids (else ids are the dense indices). */
  public boolean hasIds() {
    return userIds != null && itemIds != null;
  }

  /** Whether the ids are integers (or there are none, and the dense indices serve as ids). */
  public boolean hasNumericIds() {
    return (userIds == null || userIds.ids().numeric())
        && (itemIds == null || itemIds.ids().numeric());
  }

  /** The dense index of integer user id {@code id}, or -1 if unknown (or no integer ids). */
  public int userIndex(long id) {
    return userIds == null ? -1 : userIds.index(id);
  }

  /** The dense index of integer item id {@code id}, or -1 if unknown (or no integer ids). */
  public int itemIndex(long id) {
    return itemIds == null ? -1 : itemIds.index(id);
  }

  /** The dense index of user id {@code id} (a string id, or an integer id as text), or -1. */
  public int userIndex(String id) {
    return userIds == null ? -1 : userIds.index(id);
  }

  /** The dense index of item id {@code id} (a string id, or an integer id as text), or -1. */
  public int itemIndex(String id) {
    return itemIds == null ? -1 : itemIds.index(id);
  }

  /**
   * The integer id of user {@code user} (the index itself without ids).
   *
   * @throws IllegalStateException if the ids are strings: use {@link #userName}
   */
  public long userId(int user) {
    checkUser(user);
    return userIds == null ? user : userIds.ids().number(user);
  }

  /**
   * The integer id of item {@code item} (the index itself without ids).
   *
   * @throws IllegalStateException if the ids are strings: use {@link #itemName}
   */
  public long itemId(int item) {
    checkItem(item);
    return itemIds == null ? item : itemIds.ids().number(item);
  }

  /** The id of user {@code user} as text, whatever its kind (the index without ids). */
  public String userName(int user) {
    checkUser(user);
    return userIds == null ? Integer.toString(user) : userIds.ids().name(user);
  }

  /** The id of item {@code item} as text, whatever its kind (the index without ids). */
  public String itemName(int item) {
    checkItem(item);
    return itemIds == null ? Integer.toString(item) : itemIds.ids().name(item);
  }

  /** Whether the model learned anything about user {@code user} (its vector is not zero). */
  public boolean knowsUser(int user) {
    checkUser(user);
    UserUpdate update = updates.get(user);
    return update != null ? nonZero(update.vector, 0) : !users.isZero(user);
  }

  /** Whether the model learned anything about item {@code item} (its vector is not zero). */
  public boolean knowsItem(int item) {
    checkItem(item);
    return nonZero(itemFactors, item * rank);
  }

  private boolean nonZero(double[] v, int offset) {
    for (int c = 0; c < rank; c++) {
      if (v[offset + c] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Buffers for one thread's calls, for results of up to {@code maxResults} items. */
  public ServingContext newContext(int maxResults) {
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults: " + maxResults + " (expected: >= 1)");
    }
    return new ServingContext(
        this, maxResults, items.scoreLength(), numItems, rank, new FoldIn(config));
  }

  /**
   * The predicted rating: {@link #score} clamped to the rating range seen in training, because a
   * rating scale has ends and a 5.7 on a 1–5 scale is a 5 (and scores better). Unclamped when the
   * model does not know its range (built without its training ratings). Allocates nothing.
   */
  public double predict(int user, int item) {
    double s = score(user, item);
    double min = ratingStats[0];
    double max = ratingStats[1];
    return Double.isNaN(min) ? s : Math.max(min, Math.min(max, s));
  }

  /**
   * The model's raw score (μ + bᵤ + cᵢ +) wᵤ·uᵢ, unclamped: what {@link #recommend} ranks by. Use
   * it instead of {@link #predict} to turn clamping off. Allocates nothing.
   */
  public double score(int user, int item) {
    checkUser(user);
    checkItem(item);
    UserUpdate update = updates.get(user);
    double dot;
    if (update != null) {
      dot = 0;
      for (int c = 0; c < rank; c++) {
        dot += update.vector[c] * itemFactors[item * rank + c];
      }
    } else {
      dot = users.dot(user, itemFactors, item * rank);
    }
    if (userBias == null) {
      return dot;
    }
    return mean + userOffset(user, update) + itemBias[item] + dot;
  }

  private double userOffset(int user, UserUpdate update) {
    return update != null ? update.vector[rank] : userBias[user];
  }

  /** Whether the model has a global mean and per-user and per-item offsets. */
  public boolean hasBiases() {
    return userBias != null;
  }

  /**
   * Copies user {@code user}'s current vector (with any update) into {@code dst[0..rank)}, and, for
   * a model with biases, its offset into {@code dst[rank]} when {@code dst} has room.
   */
  public void userVector(int user, double[] dst) {
    checkUser(user);
    UserUpdate update = updates.get(user);
    if (update != null) {
      System.arraycopy(update.vector, 0, dst, 0, Math.min(dims, dst.length));
    } else {
      users.copyRow(user, dst);
      if (userBias != null && dst.length > rank) {
        dst[rank] = userBias[user];
      }
    }
  }

  /**
   * The {@code n} items with the highest predicted rating for {@code user}, best first, into
   * {@code ctx}; ties go to the lower item index.
   *
   * @param excludeRated leave out the items the user rated in training (or in its last update)
   * @param filter leave out items it rejects; may be null
   * @return the number of results (fewer than n only if fewer items are eligible)
   */
  public int recommend(
      int user, int n, boolean excludeRated, ItemFilter filter, ServingContext ctx) {
    checkUser(user);
    checkContext(ctx, n);
    if (excludeRated && rated == null) {
      throw new IllegalStateException(
          "this model has no rated items to exclude: train it with them, or pass excludeRated=false");
    }
    UserUpdate update = updates.get(user);
    if (update != null) {
      System.arraycopy(update.vector, 0, ctx.vector, 0, rank);
    } else {
      users.copyRow(user, ctx.vector);
    }
    score(items, ctx.vector, ctx);
    double offset = userBias == null ? 0 : mean + userOffset(user, update);
    if (excludeRated) {
      if (update != null) {
        for (int item : update.rated) {
          ctx.scores[item] = Float.NEGATIVE_INFINITY;
        }
      } else {
        for (long pos = rated.start(user), end = rated.end(user); pos < end; pos++) {
          ctx.scores[rated.item(pos)] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    return select(n, filter, ctx, offset);
  }

  /**
   * Top-n items for any user vector, such as one from {@link #foldIn} (with biases, {@code
   * vector[rank]} is the user's offset).
   */
  public int recommendForVector(double[] vector, int n, ItemFilter filter, ServingContext ctx) {
    checkContext(ctx, n);
    checkVector(vector);
    score(items, vector, ctx);
    return select(n, filter, ctx, userBias == null ? 0 : mean + vector[rank]);
  }

  /**
   * The {@code n} items most similar to {@code item} by cosine similarity of their factors, best
   * first, the item itself excluded. An item with a zero vector (no training ratings) has no
   * similar items: the result is empty.
   */
  public int similarItems(int item, int n, ItemFilter filter, ServingContext ctx) {
    checkItem(item);
    checkContext(ctx, n);
    double norm = 0;
    for (int c = 0; c < rank; c++) {
      double v = itemFactors[item * rank + c];
      ctx.vector[c] = v;
      norm += v * v;
    }
    if (norm == 0) {
      ctx.count = 0;
      return 0;
    }
    double scale = 1.0 / Math.sqrt(norm);
    for (int c = 0; c < rank; c++) {
      ctx.vector[c] *= scale;
    }
    score(unitItems, ctx.vector, ctx);
    ctx.scores[item] = Float.NEGATIVE_INFINITY;
    return select(n, filter, ctx, 0);
  }

  /**
   * A vector for a user who rated {@code items[0..count)} with {@code ratings}, by the training
   * normal equations against the trained item factors. For a trained user's own ratings, in item
   * order, it is that user's trained vector. Allocates nothing.
   *
   * @param out receives the vector (length at least rank), followed by the user's offset for a
   *     model with biases (then length at least rank + 1)
   * @throws IllegalArgumentException for an unknown item, a non-finite rating or a repeated item
   */
  public void foldIn(int[] items, float[] ratings, int count, double[] out, ServingContext ctx) {
    checkContext(ctx, 1);
    checkRatings(items, ratings, count, ctx);
    checkVector(out);
    solve(ctx, items, ratings, count, out);
  }

  private void solve(ServingContext ctx, int[] items, float[] ratings, int count, double[] out) {
    if (userBias == null) {
      ctx.foldIn.solve(itemFactors, items, ratings, count, out);
    } else {
      ctx.foldIn.solve(itemFactors, itemBias, mean, items, ratings, count, out);
    }
  }

  /**
   * Replaces user {@code user}'s vector with the fold-in of these ratings (its complete ratings,
   * which also become its rated items). See the class comment for what concurrent callers see.
   * Allocates the new state (two arrays of the user's size).
   */
  public void updateUser(int user, int[] items, float[] ratings, int count, ServingContext ctx) {
    checkUser(user);
    checkContext(ctx, 1);
    checkRatings(items, ratings, count, ctx);
    int[] sortedItems = Arrays.copyOf(items, count);
    float[] sortedRatings = new float[count];
    sortByItem(sortedItems, ratings, sortedRatings, count);
    double[] vector = new double[dims];
    solve(ctx, sortedItems, sortedRatings, count, vector);
    updates.set(user, new UserUpdate(vector, sortedItems));
  }

  /**
   * Recommendations for many users on all cores (like Spark's recommendForAllUsers): for the i-th
   * user, its results are at {@code outItems/outScores[i*n ...]} and their number in {@code
   * outCounts[i]}.
   */
  public void recommendBatch(
      int[] users, int n, boolean excludeRated, int[] outItems, float[] outScores,
      int[] outCounts, ForkJoinPool pool) {
    if (outItems.length < (long) users.length * n || outScores.length < (long) users.length * n
        || outCounts.length < users.length) {
      throw new IllegalArgumentException(
          "output arrays: need " + (long) users.length * n + " results and " + users.length
              + " counts");
    }
    final int perChunk = 256;
    int chunks = (users.length + perChunk - 1) / perChunk;
    ParallelChunks.run(
        pool,
        chunks,
        c -> {
          ServingContext ctx = newContext(n);
          for (int i = c * perChunk; i < Math.min(users.length, (c + 1) * perChunk); i++) {
            int count = recommend(users[i], n, excludeRated, null, ctx);
            System.arraycopy(ctx.resultItems, 0, outItems, i * n, count);
            System.arraycopy(ctx.resultScores, 0, outScores, i * n, count);
            outCounts[i] = count;
          }
        });
  }

  private void score(ItemBlocks blocks, double[] vector, ServingContext ctx) {
    for (int c = 0; c < rank; c++) {
      ctx.query[c] = (float) vector[c];
    }
    if (blocks.dims > rank) {
      ctx.query[rank] = 1f; // scores the item offsets riding in the last component
    }
    kernel.scoreAll(blocks.data, blocks.numBlocks, blocks.dims, ctx.query, ctx.scores);
  }

  /** Top-n of the scores; {@code offset} (μ + bᵤ) is added to the results, not to every score. */
  private int select(int n, ItemFilter filter, ServingContext ctx, double offset) {
    ctx.count =
        TopN.select(
            kernel, ctx.scores, numItems, n, filter, ctx.heapItems, ctx.heapScores, ctx.resultItems,
            ctx.resultScores);
    if (offset != 0) {
      for (int i = 0; i < ctx.count; i++) {
        ctx.resultScores[i] += (float) offset;
      }
    }
    return ctx.count;
  }

  private static void sortByItem(int[] items, float[] ratings, float[] sortedRatings, int count) {
    // Insertion sort of (item, rating) pairs: a user's ratings are few, and this keeps pairs
    // together without boxing.
    System.arraycopy(ratings, 0, sortedRatings, 0, count);
    for (int i = 1; i < count; i++) {
      int item = items[i];
      float rating = sortedRatings[i];
      int j = i - 1;
      while (j >= 0 && items[j] > item) {
        items[j + 1] = items[j];
        sortedRatings[j + 1] = sortedRatings[j];
        j--;
      }
      items[j + 1] = item;
      sortedRatings[j + 1] = rating;
    }
  }

  private void checkUser(int user) {
    if (user < 0 || user >= numUsers) {
      throw new IndexOutOfBoundsException("user: " + user + " (expected: 0.." + (numUsers - 1) + ")");
    }
  }

  private void checkItem(int item) {
    if (item < 0 || item >= numItems) {
      throw new IndexOutOfBoundsException("item: " + item + " (expected: 0.." + (numItems - 1) + ")");
    }
  }

  private void checkContext(ServingContext ctx, int n) {
    if (ctx.owner != this) {
      throw new IllegalArgumentException("this ServingContext belongs to another Recommender");
    }
    if (n < 1 || n > ctx.maxResults) {
      throw new IllegalArgumentException("n: " + n + " (expected: 1.." + ctx.maxResults + ")");
    }
  }

  private void checkVector(double[] vector) {
    if (vector.length < dims) {
      throw new IllegalArgumentException(
          "vector length: " + vector.length + " (expected: >= " + dims
              + (userBias == null ? ", the rank)" : ", the rank + 1 for the offset)"));
    }
  }

  private void checkRatings(int[] items, float[] ratings, int count, ServingContext ctx) {
    if (count < 0 || count > items.length || count > ratings.length) {
      throw new IllegalArgumentException(
          "count: " + count + " (expected: 0.." + Math.min(items.length, ratings.length) + ")");
    }
    final int stamp = ctx.nextStamp();
    for (int t = 0; t < count; t++) {
      if (items[t] < 0 || items[t] >= numItems) {
        throw new IllegalArgumentException(
            "rating " + t + ": item " + items[t] + " (expected: 0.." + (numItems - 1) + ")");
      }
      if (!Float.isFinite(ratings[t])) {
        throw new IllegalArgumentException(
            "rating " + t + " (item " + items[t] + "): " + ratings[t] + " (expected: finite)");
      }
      if (ctx.itemStamps[items[t]] == stamp) {
        throw new IllegalArgumentException(
            "rating " + t + ": item " + items[t] + " is rated twice (expected: one rating per item)");
      }
      ctx.itemStamps[items[t]] = stamp;
    }
  }

  // For ModelFile.save: the state as it would be served now.

  int ratedCount(int user) {
    UserUpdate update = updates.get(user);
    if (update != null) {
      return update.rated.length;
    }
    return rated == null ? 0 : (int) (rated.end(user) - rated.start(user));
  }

  void ratedItems(int user, int[] dst) {
    UserUpdate update = updates.get(user);
    if (update != null) {
      System.arraycopy(update.rated, 0, dst, 0, update.rated.length);
      return;
    }
    int at = 0;
    for (long pos = rated.start(user), end = rated.end(user); pos < end; pos++) {
      dst[at++] = rated.item(pos);
    }
  }

  boolean savesRatedItems() {
    return rated != null;
  }

  double[] itemFactors() {
    return itemFactors;
  }

  double biasMean() {
    return mean;
  }

  /** User {@code user}'s current offset, with any update (0 without biases). */
  double userOffset(int user) {
    return userBias == null ? 0 : userOffset(user, updates.get(user));
  }

  double[] itemOffsets() {
    return itemBias;
  }

  ExternalIds userIds() {
    return userIds == null ? null : userIds.ids();
  }

  ExternalIds itemIds() {
    return itemIds == null ? null : itemIds.ids();
  }

  /** Releases the model file's mapping, if loaded from one. */
  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
