package dev.tangent.spark.exec;

import dev.tangent.spi.FunctionShipping;

/**
 * A Tangent error raised in a task, on its way back to the driver: Spark sends the task's
 * exception with the job's failure, and the driver turns it into a positioned TangentError again.
 * The task it came from (stage, partition, executor) is kept for the message.
 */
public final class RemoteTaskError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public final FunctionShipping.RemoteError error;
  public final String task;

  public RemoteTaskError(FunctionShipping.RemoteError error, String task) {
    super(error.message() + " (in " + task + ")", null, false, false);
    this.error = error;
    this.task = task;
  }
}
