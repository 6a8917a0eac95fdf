package org.camunda4j.engine.internal.api;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.camunda4j.engine.internal.processing.Rejection;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Reply;

/** Turns engine results into replies: rejections become problems, keys and dates their wire forms. */
final class Outcomes {

  private Outcomes() {}

  static <T> CompletionStage<Reply> reply(CompletableFuture<T> result, Function<T, Reply> onSuccess) {
    return result.handle(
        (value, error) -> {
          if (error != null) {
            throw asApiException(error);
          }
          return onSuccess.apply(value);
        });
  }

  static <T> CompletionStage<Reply> noContent(CompletableFuture<T> result) {
    return reply(result, ignored -> Reply.noContent());
  }

  static RuntimeException asApiException(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof Rejection rejection) {
      return new ApiException(status(rejection.type()), rejection.getMessage());
    }
    if (cause instanceof ApiException api) {
      return api;
    }
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }

  private static ProblemStatus status(Rejection.Type type) {
    return switch (type) {
      case INVALID_ARGUMENT -> ProblemStatus.INVALID_ARGUMENT;
      case NOT_FOUND -> ProblemStatus.NOT_FOUND;
      case INVALID_STATE -> ProblemStatus.INVALID_STATE;
      case ALREADY_EXISTS -> ProblemStatus.ALREADY_EXISTS;
      case DEADLINE_EXCEEDED -> ProblemStatus.DEADLINE_EXCEEDED;
      case UNAVAILABLE -> ProblemStatus.UNAVAILABLE;
      case RESOURCE_EXHAUSTED -> ProblemStatus.RESOURCE_EXHAUSTED;
    };
  }

  static String key(long key) {
    return Long.toString(key);
  }

  /** A key that may be absent (-1) on the wire as null. */
  static String optionalKey(long key) {
    return key < 0 ? null : Long.toString(key);
  }

  /** RFC 3339 in UTC, e.g. 2026-11-28T10:15:30.123Z; null for "not yet" (-1). */
  static String date(long epochMillis) {
    return epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  static long parseKey(String field, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument(
          "The value for " + field + " is '" + value + "' but must be a decimal key (a 64-bit integer as a string)");
    }
  }
}
