package io.als4j.train;

/** Receives progress from {@link AlsTrainer#train}; called on the thread that called train. */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything; with it the trainer skips computing the loss. */
  TrainingListener NONE = stats -> {};

  /** Called after every full iteration. */
  void onIteration(IterationStats stats);
}
