package org.camunda4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an in-process camunda4j engine.
 *
 * <p>Fields and test-method parameters of these types are filled in: {@link org.camunda4j.sdk.CamundaClient
 * CamundaClient}, {@link org.camunda4j.sdk.CamundaAsyncClient CamundaAsyncClient},
 * {@link org.camunda4j.engine.EngineClock EngineClock}, {@link org.camunda4j.engine.Engine Engine} and
 * {@link CamundaTestContext} (the helpers and assertions). Everything is closed after the test (or
 * after the class, with {@link EngineScope#PER_CLASS}).
 *
 * <pre>{@code
 * @CamundaTest(deploy = "order.bpmn")
 * class OrderTest {
 *   CamundaTestContext camunda;
 *
 *   @Test
 *   void shipsTheOrder() {
 *     var instance = camunda.startInstance("order", Map.of("orderId", "o-1"));
 *     camunda.completeNextJob("ship", Map.of("shipped", true));
 *     assertThat(instance).isCompleted().hasVariable("shipped", true);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CamundaExtension.class)
public @interface CamundaTest {

  /** Whether each test method gets a fresh engine (the default) or the whole class shares one. */
  EngineScope scope() default EngineScope.PER_METHOD;

  /** Classpath resources deployed when the engine starts, e.g. {@code "processes/order.bpmn"}. */
  String[] deploy() default {};

  /**
   * Client configuration as {@code KEY=VALUE} pairs, e.g. {@code "CAMUNDA_WORKER_TIMEOUT=30000"}. The
   * environment is never read, so a developer's own {@code CAMUNDA_*} variables cannot leak in.
   */
  String[] configuration() default {};

  /**
   * Whether the engine requires credentials: {@link TestAuthentication#BASIC} or {@link
   * TestAuthentication#OAUTH} start it with a made-up user or client and log every client in.
   */
  TestAuthentication authentication() default TestAuthentication.NONE;

  /**
   * Tenants of an engine with multi-tenancy: when given, the engine confines every call to the
   * caller's tenants, the kit's user or client belongs to these (with {@link TestAuthentication#BASIC}
   * unless {@link #authentication} says OAUTH, since tenants need a caller), and its clients use the
   * first as {@code CAMUNDA_TENANT_ID} and all as {@code CAMUNDA_TENANT_IDS} unless {@link
   * #configuration} sets them.
   */
  String[] tenants() default {};

  /**
   * Whether the engine enforces {@code /v2/authorizations}: the kit's own user or client (and so
   * every client the kit builds) may still do everything, while users created through the identity
   * API hold only what they are granted; BASIC unless {@link #authentication} says OAUTH, since
   * authorizations need a caller.
   */
  boolean authorizations() default false;

  /** How long each assertion and helper waits for the engine before it fails, in milliseconds. */
  long awaitMillis() default 30_000;
}
