package org.camunda4j.sdk.internal.worker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;

/**
 * The clients a handler sees: everything goes to the real client, except that acknowledging the
 * handler's own job (complete, fail, throw error) marks it as acknowledged once the cluster accepted,
 * so the worker does not acknowledge it a second time; and closing is refused.
 */
final class JobScopedClients {

  private static final Set<String> ACK_METHODS = Set.of("completeJob", "failJob", "throwJobError");

  private JobScopedClients() {}

  static CamundaAsyncClient async(CamundaAsyncClient delegate, JobRun run) {
    return (CamundaAsyncClient) Proxy.newProxyInstance(
        CamundaAsyncClient.class.getClassLoader(), new Class<?>[] {CamundaAsyncClient.class},
        new Scoped(delegate, run, true));
  }

  static CamundaClient blocking(CamundaClient delegate, JobRun run) {
    return (CamundaClient) Proxy.newProxyInstance(
        CamundaClient.class.getClassLoader(), new Class<?>[] {CamundaClient.class},
        new Scoped(delegate, run, false));
  }

  private record Scoped(Object delegate, JobRun run, boolean async) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("close") && method.getParameterCount() == 0) {
        throw new UnsupportedOperationException(
            "the client in a job context belongs to the worker and cannot be closed from a handler");
      }
      if (name.equals("blocking") && async) {
        return blocking(((CamundaAsyncClient) delegate).blocking(), run);
      }
      if (name.equals("async") && !async) {
        return JobScopedClients.async(((CamundaClient) delegate).async(), run);
      }
      if (method.getDeclaringClass() == Object.class) {
        return switch (name) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "job-scoped client of job " + run.job().jobKey();
          default -> method.invoke(delegate, args);
        };
      }
      boolean ownAck = ACK_METHODS.contains(name) && args != null && args.length > 0
          && args[0] instanceof Long key && key == run.job().jobKey();
      Object result;
      try {
        result = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (ownAck) {
        if (result instanceof CompletableFuture<?> future) {
          return future.thenApply(value -> {
            run.markAcknowledgedByHandler();
            return value;
          });
        }
        run.markAcknowledgedByHandler();
      }
      return result;
    }
  }
}
