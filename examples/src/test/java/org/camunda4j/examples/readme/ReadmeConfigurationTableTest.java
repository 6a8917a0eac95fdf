package org.camunda4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda4j.sdk.internal.config.ConfigKey;
import org.junit.jupiter.api.Test;

/** The README's configuration table names exactly the keys the SDK reads, aliases included. */
class ReadmeConfigurationTableTest {

  private static final Pattern KEY = Pattern.compile("`((?:CAMUNDA|ZEEBE)_[A-Z_]+)`");

  @Test
  void theTableListsEveryKeyTheSdkReadsAndNoOther() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(ReadmeTest.readme(), StandardCharsets.UTF_8)) {
      if (line.startsWith("| `CAMUNDA_")) {
        String firstColumn = line.substring(1, line.indexOf('|', 1));
        Matcher m = KEY.matcher(firstColumn);
        while (m.find()) {
          documented.add(m.group(1));
        }
      }
    }
    Set<String> read = new TreeSet<>();
    Arrays.stream(ConfigKey.values()).forEach(key -> read.addAll(key.names()));

    assertThat(documented).isEqualTo(read);
  }
}
