package io.als4j.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs one body per chunk on the trainer's pool and waits for all of them.
 *
 * <p>The chunks are submitted as independent tasks rather than split recursively: a task forked
 * from a thread outside the pool would land in the common pool, which the trainer must never use.
 * The first failure in chunk order is rethrown as it was thrown (not wrapped), so the error a user
 * sees does not depend on thread timing.
 */
@InternalApi
public final class ParallelChunks {
  private ParallelChunks() {}

  public static void run(ForkJoinPool pool, int chunks, IntConsumer body) {
    ChunkTask[] tasks = new ChunkTask[chunks];
    for (int c = 0; c < chunks; c++) {
      tasks[c] = new ChunkTask(body, c);
      pool.execute(tasks[c]);
    }
    for (ChunkTask task : tasks) {
      task.quietlyJoin();
    }
    for (ChunkTask task : tasks) {
      if (task.failure != null) {
        throwUnchecked(task.failure);
      }
    }
  }

  private static void throwUnchecked(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }

  private static final class ChunkTask extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient IntConsumer body;
    private final int chunk;
    private Throwable failure;

    ChunkTask(IntConsumer body, int chunk) {
      this.body = body;
      this.chunk = chunk;
    }

    @Override
    protected void compute() {
      try {
        body.accept(chunk);
      } catch (Throwable t) {
        failure = t;
      }
    }
  }
}
