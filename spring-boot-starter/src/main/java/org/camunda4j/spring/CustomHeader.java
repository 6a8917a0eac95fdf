package org.camunda4j.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link JobWorker} parameter to one custom header ({@code zeebe:taskHeaders}), converted to
 * the parameter's type; {@code null} when the task has no such header.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CustomHeader {

  /** The header's key; default: the parameter's name (compile with {@code -parameters}). */
  String value() default "";
}
