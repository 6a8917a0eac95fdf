package org.camunda4j.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link JobWorker} parameter to one job variable, converted to the parameter's type
 * ({@code null} when the variable is absent; a missing value for a primitive fails the job). The
 * variable is fetched.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Variable {

  /** The variable's name; default: the parameter's name (compile with {@code -parameters}). */
  String value() default "";
}
