package io.als4j.data;

/**
 * Ratings ready to train on, with the users' and items' own ids: what an import produces and a
 * dataset store holds. Closing it frees (or unmaps) the ratings.
 *
 * @param ratings the matrix, by user (with timestamps when the source had them) and by item
 * @param userIds the users' own ids by dense index, or null when indices are the ids
 * @param itemIds the items' own ids by dense index, or null
 */
public record Dataset(RatingMatrix ratings, ExternalIds userIds, ExternalIds itemIds)
    implements AutoCloseable {

  @Override
  public void close() {
    ratings.close();
  }
}
