package org.camunda4j.engine.internal.api;

import java.util.function.IntSupplier;
import org.camunda4j.engine.internal.auth.TokenIssuer;
import org.camunda4j.engine.internal.authorization.Authorizer;
import org.camunda4j.engine.internal.console.ConsoleRoute;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.Router;

/** Every REST v2 endpoint the engine serves, one class per resource. */
public final class Routes {

  private Routes() {}

  public static Router create(EngineOperations engine, String host, IntSupplier port) {
    return create(engine, host, port, null, false, java.util.UUID.randomUUID().toString(), false, false);
  }

  /**
   * With the built-in token endpoint when {@code tokenIssuer} is not null, and the web console's
   * files at {@code /console/} when {@code console} is on; {@code clusterId} is what the topology reports;
   * {@code multiTenancy} confines every call to the caller's tenants; {@code authorizations} enforces
   * {@code /v2/authorizations} on every route ({@link AccessGuard}).
   */
  public static Router create(EngineOperations engine, String host, IntSupplier port, TokenIssuer tokenIssuer,
      boolean console, String clusterId, boolean multiTenancy, boolean authorizations) {
    TenantAccess tenants = new TenantAccess(multiTenancy, engine);
    AccessGuard access = new AccessGuard(new Authorizer(authorizations), engine, tenants);
    // Without authorizations the guard lets every request through, so routes stay unwrapped: no check per request.
    Router router = authorizations ? new Router().guard(access) : new Router();
    if (tokenIssuer != null) {
      new OAuthTokenApi(tokenIssuer).register(router);
    }
    new ProcessDefinitionsApi(engine, tenants, access).register(router);
    new DeploymentsApi(engine, tenants).register(router);
    new ProcessInstancesApi(engine, tenants).register(router);
    new JobsApi(engine, tenants, clusterId, access).register(router);
    new IncidentsApi(engine, tenants).register(router);
    new VariablesApi(engine, tenants).register(router);
    new ClusterApi(host, port, clusterId).register(router);
    new ClockApi(engine).register(router);
    new SearchApi(engine, tenants, access).register(router);
    new UserTasksApi(engine, tenants, access).register(router); // --- user tasks
    new MessagesApi(engine, tenants).register(router);
    new ConditionalsApi(engine, tenants).register(router);
    new ElementInstancesApi(engine, tenants).register(router);
    new StartFormsApi(engine, tenants).register(router);
    new CorrelatedSubscriptionsApi(engine, tenants).register(router);
    new DecisionsApi(engine, tenants).register(router);
    new BatchOperationsApi(engine, tenants).register(router);
    new MessageSubscriptionsApi(engine, tenants).register(router);
    new IdentityApi(engine, access).register(router);
    new AuthenticationApi(engine, access).register(router);
    if (console) {
      ConsoleRoute.register(router);
    }
    return router;
  }
}
