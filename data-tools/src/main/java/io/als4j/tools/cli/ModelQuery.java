package io.als4j.tools.cli;

import io.als4j.serve.Recommender;
import io.als4j.serve.ServingContext;
import java.io.PrintWriter;
import java.util.Locale;

/** What {@code recommend} and {@code similar} share: id lookup and the result table. */
final class ModelQuery {
  private ModelQuery() {}

  /**
   * The dense index of a user or item the command line names: its own id (integer or string) when
   * the model has ids, else the index itself.
   */
  static int index(Recommender model, boolean user, String id) {
    int index;
    if (model.hasIds()) {
      index = user ? model.userIndex(id) : model.itemIndex(id);
    } else {
      int size = user ? model.numUsers() : model.numItems();
      index = -1;
      try {
        long dense = Long.parseLong(id.trim());
        index = dense >= 0 && dense < size ? (int) dense : -1;
      } catch (NumberFormatException e) {
        // not a number: no such index, reported below
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException(
          (user ? "user " : "item ") + id + " is not in the model (expected: "
              + (model.hasIds() ? "one of the ids it was trained on" : "0.."
                  + ((user ? model.numUsers() : model.numItems()) - 1)) + ")");
    }
    return index;
  }

  static void print(PrintWriter out, Recommender model, ServingContext ctx, String scoreLabel) {
    out.printf(Locale.ROOT, "%4s  %12s  %s%n", "rank", "item", scoreLabel);
    for (int i = 0; i < ctx.count(); i++) {
      out.printf(
          Locale.ROOT, "%4d  %12s  %.4f%n", i + 1, model.itemName(ctx.item(i)), ctx.score(i));
    }
  }
}
