package org.camunda4j.testing.internal;

/**
 * The context of the test running on this thread, so the static {@code CamundaAssertions.assertThat}
 * knows which engine to ask. JUnit runs a test's callbacks and body on one thread.
 */
public final class CurrentContext {

  private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

  private CurrentContext() {}

  public static void bind(Object context) {
    CURRENT.set(context);
  }

  public static void unbind() {
    CURRENT.remove();
  }

  public static Object get() {
    return CURRENT.get();
  }
}
