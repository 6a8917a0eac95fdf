package org.camunda4j.spring.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.spring.CamundaSpringBootTest;
import org.camunda4j.testing.CamundaTestContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Behind {@link CamundaSpringBootTest}: an engine per Spring context, the client pointed at it. */
public final class InProcessEngineCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    CamundaSpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, CamundaSpringBootTest.class);
    return test == null ? null : new InProcessEngine(List.of(test.deploy()));
  }

  /** A record, so contexts with the same deployments are cached and shared as Spring's test contexts are. */
  record InProcessEngine(List<String> deploy) implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      CamundaTestContext camunda = CamundaTestContext.start(Map.of(), Duration.ofSeconds(30));
      if (!deploy.isEmpty()) {
        camunda.deploy(deploy.toArray(String[]::new));
      }
      var beans = context.getBeanFactory();
      beans.registerSingleton("camundaTestContext", camunda);
      // Registered before every other bean, so destroyed after them: the workers drain and the
      // client closes while the engine still answers.
      ((DefaultSingletonBeanRegistry) beans).registerDisposableBean("camundaTestContext", camunda::close);
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("camunda4j in-process engine", Map.of(
          "camunda.client.rest-address", camunda.restAddress().toString(),
          "camunda.client.read-environment", "false",
          "camunda.client.auth.strategy", "NONE")));
    }
  }
}
