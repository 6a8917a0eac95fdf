package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;

/**
 * Roughly how many bytes a JSON-like value takes when written: enough to keep an activation
 * response inside the 4 MB message limit without serialising every job twice.
 */
final class JsonSize {

  private JsonSize() {}

  static long of(Object value) {
    return switch (value) {
      case null -> 4;
      case String s -> s.length() + 2L;
      case Map<?, ?> map -> {
        long size = 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          size += String.valueOf(entry.getKey()).length() + 4L + of(entry.getValue());
        }
        yield size;
      }
      case List<?> list -> {
        long size = 2;
        for (Object item : list) {
          size += of(item) + 1;
        }
        yield size;
      }
      default -> String.valueOf(value).length();
    };
  }
}
