package io.als4j.serve;

import io.als4j.data.ExternalIds;
import io.als4j.data.ExternalIdsSection;
import io.als4j.store.CorruptStoreException;
import io.als4j.store.StoreKind;
import io.als4j.store.StoreReader;
import io.als4j.store.StoreWriter;
import io.als4j.train.AlsConfig;
import io.als4j.train.FactorPrecision;
import io.als4j.train.LambdaMode;
import java.io.IOException;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * The model file: a {@link StoreKind#MODEL} store (see {@link io.als4j.store.StoreWriter}) with
 * these sections, all little-endian:
 *
 * <pre>
 * 1 CONFIG        int users, int items, int rank, double λ, int λ mode (0 plain, 1 weighted),
 *                 int iterations, long seed, double min, max and mean training rating (NaN:
 *                 unknown), int biases (0 or 1), double μ (the model's mean, with biases)
 * 2 USER_FACTORS  users × rank doubles, row-major    (memory-mapped when loaded, never copied)
 * 3 ITEM_FACTORS  items × rank doubles, row-major    (copied to the heap: the SIMD scorer needs it)
 * 4 RATED_OFFSETS users + 1 longs                    (optional, with 5)
 * 5 RATED_ITEMS   item indices, ascending per user   (read in place)
 * 6 USER_IDS      external ids, integers or strings,  (optional, with 7; version 1: users longs)
 *                 as in dataset stores ({@link ExternalIdsSection})
 * 7 ITEM_IDS      the same for items
 * 8 USER_BIAS     users doubles: offsets bᵢ            (with biases, with 9)
 * 9 ITEM_BIAS     items doubles: offsets cⱼ
 * </pre>
 */
final class ModelFile {
  /** 2: ids as {@link ExternalIdsSection} (integers or strings); 1 had integer ids only. */
  static final int VERSION = 2;
  private static final int CONFIG = 1;
  private static final int USER_FACTORS = 2;
  private static final int ITEM_FACTORS = 3;
  private static final int RATED_OFFSETS = 4;
  private static final int RATED_ITEMS = 5;
  private static final int USER_IDS = 6;
  private static final int ITEM_IDS = 7;
  private static final int USER_BIAS = 8;
  private static final int ITEM_BIAS = 9;
  /**
   * The training's factor precision, 0 = DOUBLE, 1 = FLOAT, so fold-in rounds as training did. A
   * file without it was written before float factors existed: DOUBLE.
   */
  private static final int FACTOR_PRECISION = 10;
  private static final int CONFIG_BYTES = 72;

  private ModelFile() {}

  static void save(Recommender model, Path file) throws IOException {
    final int users = model.numUsers();
    final int k = model.rank();
    AlsConfig config = model.config();
    try (StoreWriter w = StoreWriter.create(file, StoreKind.MODEL, VERSION)) {
      w.beginSection(CONFIG);
      w.writeInt(users);
      w.writeInt(model.numItems());
      w.writeInt(k);
      w.writeDouble(config.lambda());
      w.writeInt(config.lambdaMode() == LambdaMode.WEIGHTED ? 1 : 0);
      w.writeInt(config.iterations());
      w.writeLong(config.seed());
      w.writeDouble(model.ratingMin());
      w.writeDouble(model.ratingMax());
      w.writeDouble(model.ratingMean());
      w.writeInt(model.hasBiases() ? 1 : 0);
      w.writeDouble(model.biasMean());
      w.endSection();

      w.beginSection(USER_FACTORS);
      double[] row = new double[k];
      for (int u = 0; u < users; u++) {
        model.userVector(u, row);
        w.writeDoubles(row, 0, k);
      }
      w.endSection();

      w.beginSection(ITEM_FACTORS);
      w.writeDoubles(model.itemFactors(), 0, model.numItems() * k);
      w.endSection();

      if (model.savesRatedItems()) {
        w.beginSection(RATED_OFFSETS);
        long at = 0;
        w.writeLong(0);
        for (int u = 0; u < users; u++) {
          at += model.ratedCount(u);
          w.writeLong(at);
        }
        w.endSection();
        w.beginSection(RATED_ITEMS);
        int[] items = new int[model.numItems()];
        for (int u = 0; u < users; u++) {
          int count = model.ratedCount(u);
          model.ratedItems(u, items);
          for (int t = 0; t < count; t++) {
            w.writeInt(items[t]);
          }
        }
        w.endSection();
      }
      if (model.hasBiases()) {
        w.beginSection(USER_BIAS);
        for (int u = 0; u < users; u++) {
          w.writeDouble(model.userOffset(u));
        }
        w.endSection();
        w.beginSection(ITEM_BIAS);
        w.writeDoubles(model.itemOffsets(), 0, model.numItems());
        w.endSection();
      }
      w.beginSection(FACTOR_PRECISION);
      w.writeInt(config.factorPrecision() == FactorPrecision.FLOAT ? 1 : 0);
      w.endSection();
      if (model.userIds() != null && model.itemIds() != null) {
        ExternalIdsSection.write(w, USER_IDS, model.userIds());
        ExternalIdsSection.write(w, ITEM_IDS, model.itemIds());
      }
      w.commit();
    }
  }

  static Recommender load(Path file) throws IOException {
    StoreReader store = StoreReader.open(file, StoreKind.MODEL, VERSION);
    try {
      MappedBytes bytes = store.bytes();
      long at = store.offset(CONFIG);
      int users = bytes.readInt(at);
      int items = bytes.readInt(at + 4);
      int k = bytes.readInt(at + 8);
      double lambda = bytes.readDouble(at + 12);
      int mode = bytes.readInt(at + 20);
      int iterations = bytes.readInt(at + 24);
      long seed = bytes.readLong(at + 28);
      expectLength(store, CONFIG, CONFIG_BYTES);
      double[] stats = {
        bytes.readDouble(at + 36), bytes.readDouble(at + 44), bytes.readDouble(at + 52)
      };
      boolean biases = bytes.readInt(at + 60) == 1;
      double mean = bytes.readDouble(at + 64);
      FactorPrecision precision = FactorPrecision.DOUBLE;
      if (store.has(FACTOR_PRECISION)) {
        expectLength(store, FACTOR_PRECISION, 4);
        int code = bytes.readInt(store.offset(FACTOR_PRECISION));
        if (code != 0 && code != 1) {
          throw corrupt(store, "factor precision code " + code + " (expected: 0 or 1)");
        }
        precision = code == 1 ? FactorPrecision.FLOAT : FactorPrecision.DOUBLE;
      }
      AlsConfig config;
      try {
        config =
            AlsConfig.builder().rank(k).lambda(lambda)
                .lambdaMode(mode == 1 ? LambdaMode.WEIGHTED : LambdaMode.PLAIN)
                .iterations(iterations).seed(seed).biases(biases).factorPrecision(precision)
                .build();
      } catch (IllegalArgumentException e) {
        throw corrupt(store, "invalid training config: " + e.getMessage());
      }
      expectLength(store, USER_FACTORS, 8L * users * k);
      expectLength(store, ITEM_FACTORS, 8L * items * k);
      double[] itemFactors = new double[Math.multiplyExact(items, k)];
      long itemsAt = store.offset(ITEM_FACTORS);
      for (int e = 0; e < itemFactors.length; e++) {
        itemFactors[e] = bytes.readDouble(itemsAt + 8L * e);
      }
      RatedItems rated = null;
      if (store.has(RATED_OFFSETS)) {
        expectLength(store, RATED_OFFSETS, 8L * (users + 1));
        long total = bytes.readLong(store.offset(RATED_OFFSETS) + 8L * users);
        expectLength(store, RATED_ITEMS, 4L * total);
        rated = RatedItems.mapped(bytes, store.offset(RATED_OFFSETS), store.offset(RATED_ITEMS));
      }
      double[] userBias = biases ? readDoubles(store, USER_BIAS, users) : null;
      double[] itemBias = biases ? readDoubles(store, ITEM_BIAS, items) : null;
      ExternalIds userIds = null;
      ExternalIds itemIds = null;
      if (store.has(USER_IDS)) {
        userIds = readIds(store, USER_IDS, users);
        itemIds = readIds(store, ITEM_IDS, items);
      }
      return new Recommender(
          config, users, items, UserFactors.mapped(bytes, store.offset(USER_FACTORS), k),
          itemFactors, rated, userIds, itemIds, stats, mean, userBias, itemBias, store);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static double[] readDoubles(StoreReader store, int tag, int count) throws IOException {
    expectLength(store, tag, 8L * count);
    double[] values = new double[count];
    long at = store.offset(tag);
    for (int i = 0; i < count; i++) {
      values[i] = store.bytes().readDouble(at + 8L * i);
    }
    return values;
  }

  private static ExternalIds readIds(StoreReader store, int tag, int count) throws IOException {
    return store.kindVersion() == 1
        ? ExternalIds.ofNumbers(readLongs(store, tag, count))
        : ExternalIdsSection.read(store, tag, count);
  }

  private static long[] readLongs(StoreReader store, int tag, int count) throws IOException {
    expectLength(store, tag, 8L * count);
    long[] values = new long[count];
    long at = store.offset(tag);
    for (int i = 0; i < count; i++) {
      values[i] = store.bytes().readLong(at + 8L * i);
    }
    return values;
  }

  private static void expectLength(StoreReader store, int tag, long bytes) throws IOException {
    if (store.length(tag) != bytes) {
      throw corrupt(
          store, "section " + tag + " holds " + store.length(tag) + " bytes, its dimensions say "
              + bytes);
    }
  }

  private static CorruptStoreException corrupt(StoreReader store, String problem) {
    return CorruptStoreException.of(store.file(), "damaged: " + problem);
  }
}
