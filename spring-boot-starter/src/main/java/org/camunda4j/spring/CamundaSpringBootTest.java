package org.camunda4j.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda4j.spring.internal.InProcessEngineCustomizerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A {@code @SpringBootTest} whose application talks to an in-process camunda4j engine (from the
 * {@code camunda4j-testing} module, which the test classpath needs): the engine starts before the
 * context, {@code camunda.client.rest-address} points at it, and the application's
 * {@link JobWorker @JobWorker} methods poll it over real HTTP. A
 * {@link org.camunda4j.testing.CamundaTestContext CamundaTestContext} bean drives and asserts it.
 *
 * <pre>{@code
 * @CamundaSpringBootTest(deploy = "order.bpmn")
 * class OrderApplicationTest {
 *   @Autowired CamundaTestContext camunda;
 *
 *   @Test
 *   void chargesTheCard() {
 *     var order = camunda.startInstance("order", Map.of("amountCents", 1200));
 *     camunda.assertThat(order).isCompleted().hasVariable("charged", true);
 *   }
 * }
 * }</pre>
 *
 * <p>The engine lives as long as the Spring context: test classes with the same configuration share
 * the cached context and so the engine, so tests should not count what others left behind. The SDK's
 * {@code CAMUNDA_*} environment variables are not read and authentication is off, so a developer's
 * own settings cannot leak in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(InProcessEngineCustomizerFactory.class)
public @interface CamundaSpringBootTest {

  /** Classpath resources deployed to the engine before the application starts, e.g. {@code "order.bpmn"}. */
  String[] deploy() default {};

  /** As {@link SpringBootTest#classes()}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
  Class<?>[] classes() default {};

  /** As {@link SpringBootTest#properties()}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
