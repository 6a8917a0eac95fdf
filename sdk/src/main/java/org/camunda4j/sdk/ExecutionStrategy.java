package org.camunda4j.sdk;

/**
 * How a worker runs its handler. The type parameter is the handler type the strategy accepts, so
 * {@code createJobWorker(config, ExecutionStrategy.PROCESS, job -> ...)} gives the lambda a plain
 * {@link JobContext} and a handler that asks for {@code job.client()} does not compile.
 *
 * <p>{@link #AUTO} is what the two-argument {@code createJobWorker(config, job -> ...)} does: a
 * handler that returns a {@code CompletionStage} runs as {@link #ASYNC}, any other as {@link #THREAD}.
 *
 * @param <H> the handler type
 */
public final class ExecutionStrategy<H> {

  /**
   * Picks ASYNC or THREAD from what the handler returns, the way the seed's {@code "auto"} picks from
   * {@code async def}: a Java lambda's return type is not visible at run time, so the worker starts
   * on THREAD's platform-thread pool and, the first time the handler returns a {@code CompletionStage},
   * runs every later job as ASYNC does (a virtual thread per job, done when the stage completes).
   * The handler gets a {@link SyncJobContext}; {@code job.client().async()} is its async client.
   */
  public static final ExecutionStrategy<JobHandler> AUTO = new ExecutionStrategy<>("AUTO");

  /** The handler returns a {@code CompletionStage}; best for handlers that call remote systems asynchronously. */
  public static final ExecutionStrategy<AsyncJobHandler> ASYNC = new ExecutionStrategy<>("ASYNC");

  /** A pool of {@code maxConcurrentJobs} platform threads; for CPU-bound work and blocking libraries. */
  public static final ExecutionStrategy<JobHandler> THREAD = new ExecutionStrategy<>("THREAD");

  /** One virtual thread per job; for blocking I/O at high concurrency. */
  public static final ExecutionStrategy<JobHandler> VIRTUAL = new ExecutionStrategy<>("VIRTUAL");

  /** A pool of child JVMs; for isolating crashy, memory-hungry or native code. */
  public static final ExecutionStrategy<ProcessJobHandler> PROCESS = new ExecutionStrategy<>("PROCESS");

  private final String name;

  private ExecutionStrategy(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
