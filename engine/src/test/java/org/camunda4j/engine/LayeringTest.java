package org.camunda4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, checked on its sources so the structure cannot rot: api → processing →
 * log → state/records → dmn (decisions) and model (processes) → feel; rest (and auth and console, on top of rest) serve api only;
 * authorization decides for api who may do what, from the caller (rest) and the identities (state).
 * A package may name only the internal packages listed for it (and itself); the top package (Engine, EngineMain) may name any.
 */
class LayeringTest {

  private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
      Map.entry("api", Set.of("processing", "log", "state", "record", "dmn", "model", "feel", "rest", "auth", "console", "authorization")),
      Map.entry("processing", Set.of("log", "state", "record", "dmn", "model", "feel")),
      Map.entry("log", Set.of("state", "record", "dmn", "model", "feel")),
      Map.entry("state", Set.of("record", "dmn", "model", "feel")),
      Map.entry("record", Set.of("state", "dmn", "model", "feel")),
      Map.entry("dmn", Set.of("model", "feel")),
      Map.entry("model", Set.of("feel")),
      Map.entry("feel", Set.of()),
      Map.entry("rest", Set.of()),
      Map.entry("auth", Set.of("rest")),
      Map.entry("console", Set.of("rest")),
      Map.entry("authorization", Set.of("rest", "state")));

  private static final Path INTERNAL = Path.of("src/main/java/org/camunda4j/engine/internal");
  private static final Pattern REFERENCE = Pattern.compile("org\\.camunda4j\\.engine\\.internal\\.([a-z]+)");

  @Test
  void everyInternalPackageUsesOnlyTheLayersBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> packages = Files.list(INTERNAL)) {
      for (Path dir : packages.filter(Files::isDirectory).toList()) {
        String layer = dir.getFileName().toString();
        assertThat(MAY_USE).as("the layer of internal.%s is declared here", layer).containsKey(layer);
        try (Stream<Path> sources = Files.walk(dir)) {
          sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> {
            Matcher used = REFERENCE.matcher(read(source));
            while (used.find()) {
              String target = used.group(1);
              if (!target.equals(layer) && !MAY_USE.get(layer).contains(target)) {
                violations.add(INTERNAL.relativize(source) + " uses internal." + target);
              }
            }
          });
        }
      }
    }
    assertThat(violations).as("references against the layering").isEmpty();
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
