package org.camunda4j.spring.internal;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.SyncJobContext;
import org.camunda4j.sdk.VariableBindingException;
import org.camunda4j.sdk.Variables;
import org.camunda4j.spring.CustomHeader;
import org.camunda4j.spring.CustomHeaders;
import org.camunda4j.spring.Variable;

/**
 * How one parameter of a {@code @JobWorker} method gets its value from the job, and which variables it
 * needs fetched. Decided once, when the method is found, so a parameter that cannot be bound stops the
 * application at startup rather than failing jobs.
 *
 * @param value the argument for a job
 * @param fetched the variable names it reads; empty when it reads none
 * @param fetchesAll whether it can read any variable (a map or {@code Variables})
 * @param context the context type it needs ({@code JobContext.class} when any will do), or {@code null}
 */
record ParameterBinding(
    Function<JobContext, Object> value, List<String> fetched, boolean fetchesAll, Class<?> context) {

  static ParameterBinding of(Parameter parameter, String where) {
    Class<?> type = parameter.getType();
    Variable variable = parameter.getAnnotation(Variable.class);
    if (variable != null) {
      String name = nameOf(variable.value(), parameter, "@Variable", where);
      return reading(List.of(name), job -> required(job.variables().get(name, boxed(type)), type, name, where));
    }
    CustomHeader header = parameter.getAnnotation(CustomHeader.class);
    if (header != null) {
      String name = nameOf(header.value(), parameter, "@CustomHeader", where);
      return reading(List.of(), job -> required(job.customHeaders().get(name, boxed(type)), type, name, where));
    }
    if (parameter.isAnnotationPresent(CustomHeaders.class)) {
      if (Map.class.isAssignableFrom(type)) {
        return reading(List.of(), job -> job.customHeaders().asMap());
      }
      return reading(List.of(), job -> job.customHeaders().as(type));
    }
    if (type == JobContext.class || type == SyncJobContext.class || type == ConnectedJobContext.class) {
      return new ParameterBinding(job -> job, List.of(), false, type);
    }
    if (type == ActivatedJob.class) {
      return reading(List.of(), JobContext::job);
    }
    if (type == Variables.class) {
      return new ParameterBinding(JobContext::variables, List.of(), true, null);
    }
    if (type == Map.class) {
      return new ParameterBinding(job -> job.variables().asMap(), List.of(), true, null);
    }
    if (type.isRecord()) {
      List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
      return reading(components, job -> job.variables().as(type));
    }
    throw new IllegalStateException(where + ": parameter '" + parameter.getName() + "' of type "
        + type.getSimpleName() + " cannot be bound from a job; annotate it with @Variable, @CustomHeader or"
        + " @CustomHeaders, or use JobContext, SyncJobContext, ConnectedJobContext, ActivatedJob, Variables,"
        + " Map (all variables) or a record (variables bound to its components)");
  }

  private static ParameterBinding reading(List<String> fetched, Function<JobContext, Object> value) {
    return new ParameterBinding(value, fetched, false, null);
  }

  private static String nameOf(String given, Parameter parameter, String annotation, String where) {
    if (!given.isBlank()) {
      return given;
    }
    if (!parameter.isNamePresent()) {
      throw new IllegalStateException(where + ": " + annotation + " on parameter " + parameter.getName()
          + " needs a name, e.g. " + annotation + "(\"orderId\"), or compile with -parameters");
    }
    return parameter.getName();
  }

  /** A primitive parameter cannot take {@code null}: the job fails, naming the variable. */
  private static Object required(Object value, Class<?> type, String name, String where) {
    if (value == null && type.isPrimitive()) {
      throw new VariableBindingException(name,
          "'" + name + "' is not set on the job, and " + where + " takes it as a " + type.getName()
              + ", which cannot be null; set it in the process or take a " + boxed(type).getSimpleName(), null);
    }
    return value;
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "boolean" -> Boolean.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> type;
    };
  }
}
