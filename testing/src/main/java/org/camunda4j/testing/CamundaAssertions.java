package org.camunda4j.testing;

import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.testing.internal.CurrentContext;

/**
 * Static entry points for {@link ProcessInstanceAssert}, for use inside a {@link CamundaTest}: they
 * ask the engine of the test running on the current thread. Outside one, use
 * {@link CamundaTestContext#assertThat(long)}.
 *
 * <pre>{@code
 * import static org.camunda4j.testing.CamundaAssertions.assertThat;
 *
 * assertThat(instance).isCompleted().hasPassed("charge", "ship").hasVariable("shipped", true);
 * }</pre>
 */
public final class CamundaAssertions {

  private CamundaAssertions() {}

  public static ProcessInstanceAssert assertThat(ProcessInstanceCreationResult instance) {
    return current().assertThat(instance);
  }

  /** By key; not an {@code assertThat(long)} overload, which would clash with AssertJ's. */
  public static ProcessInstanceAssert assertThatProcessInstance(long processInstanceKey) {
    return current().assertThat(processInstanceKey);
  }

  private static CamundaTestContext current() {
    if (CurrentContext.get() instanceof CamundaTestContext context) {
      return context;
    }
    throw new IllegalStateException(
        "no camunda4j test engine on this thread: annotate the test class with @CamundaTest, or call"
            + " assertThat on a CamundaTestContext");
  }
}
