package org.camunda4j.sdk.internal.http;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Picks the {@link HttpExchanger}: {@link NettyExchanger}, unless the system property
 * {@value #PROPERTY} names another implementation (a class with a public {@code (Duration
 * connectTimeout, String userAgent, SSLContext tls)} constructor; {@code tls} null means the JVM's default). The property exists so that the benchmarks can
 * put other HTTP libraries side by side under the same worker; it is not a supported setting.
 */
public final class HttpExchangers {

  public static final String PROPERTY = "camunda4j.internal.http-exchanger";

  private HttpExchangers() {}

  public static HttpExchanger create(Duration connectTimeout, String userAgent, SSLContext tls) {
    String className = System.getProperty(PROPERTY);
    if (className == null || className.isBlank()) {
      return new NettyExchanger(connectTimeout, userAgent, tls);
    }
    try {
      return (HttpExchanger) Class.forName(className).getConstructor(Duration.class, String.class, SSLContext.class)
          .newInstance(connectTimeout, userAgent, tls);
    } catch (ReflectiveOperationException | ClassCastException e) {
      Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
      throw new IllegalStateException("-D" + PROPERTY + "=" + className + " is not a usable HttpExchanger"
          + " (it needs a public (Duration, String, SSLContext) constructor): " + cause, cause);
    }
  }
}
