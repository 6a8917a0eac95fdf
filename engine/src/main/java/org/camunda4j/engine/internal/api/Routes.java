package org.camunda4j.engine.internal.api;

import java.util.function.IntSupplier;
import org.camunda4j.engine.internal.auth.TokenIssuer;
import org.camunda4j.engine.internal.console.ConsoleRoute;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Router;

/** Every REST v2 endpoint the engine serves, one class per resource. */
public final class Routes {

  private Routes() {}

  public static Router create(EngineOperations engine, String host, IntSupplier port) {
    return create(engine, host, port, null, false, java.util.UUID.randomUUID().toString());
  }

  /**
   * With the built-in token endpoint when {@code tokenIssuer} is not null, and the web console's
   * files at {@code /console/} when {@code console} is on; {@code clusterId} is what the topology reports.
   */
  public static Router create(EngineOperations engine, String host, IntSupplier port, TokenIssuer tokenIssuer,
      boolean console, String clusterId) {
    Router router = new Router();
    if (tokenIssuer != null) {
      new OAuthTokenApi(tokenIssuer).register(router);
    }
    new ProcessDefinitionsApi(engine).register(router);
    new DeploymentsApi(engine).register(router);
    new ProcessInstancesApi(engine).register(router);
    new JobsApi(engine).register(router);
    new IncidentsApi(engine).register(router);
    new VariablesApi(engine).register(router);
    new ClusterApi(host, port, clusterId).register(router);
    new ClockApi(engine).register(router);
    new SearchApi(engine).register(router);
    new UserTasksApi(engine).register(router); // --- user tasks
    new MessagesApi(engine).register(router);
    new ConditionalsApi(engine).register(router);
    new ElementInstancesApi(engine).register(router);
    new StartFormsApi(engine).register(router);
    new CorrelatedSubscriptionsApi(engine).register(router);
    new DecisionsApi(engine).register(router);
    new BatchOperationsApi(engine).register(router);
    new MessageSubscriptionsApi(engine).register(router);
    if (console) {
      ConsoleRoute.register(router);
    }
    return router;
  }
}
