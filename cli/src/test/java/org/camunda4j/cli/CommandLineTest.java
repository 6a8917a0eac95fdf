package org.camunda4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a command's declared options parse, fail and explain themselves. */
class CommandLineTest {

  /** What the options of the test command set. */
  static final class Settings {
    String host;
    int port;
    boolean inMemory;
    final List<String> users = new ArrayList<>();
    Duration retention;
  }

  private final CommandLine<Settings> commandLine = new CommandLine<>("bin/tool run", "Runs the tool.", List.of(
      Option.value("--host", "ADDRESS", "where to listen", (s, v) -> s.host = Values.host(v)),
      Option.value("--port", "N", "the port", (s, v) -> s.port = Values.port(v)),
      Option.flag("--in-memory", "keep nothing on disk", s -> s.inMemory = true),
      Option.value("--user", "NAME:PASSWORD", "a user; repeat for more", (s, v) -> s.users.add(v)),
      Option.value("--history-retention", "DURATION", "how long to keep history", (s, v) -> s.retention = Values.duration(v))));

  @Test
  void valuesComeSeparateOrAfterAnEqualsSignAndRepeatedOptionsApplyEachTime() {
    Settings settings = new Settings();
    CommandLine.Parsed parsed = commandLine.parse(
        List.of("--port", "8081", "--host=127.0.0.1", "--in-memory", "--user", "a:1", "--user=b:2", "--history-retention", "7d"), settings);

    assertThat(parsed).isEqualTo(new CommandLine.Parsed(false, false));
    assertThat(settings.port).isEqualTo(8081);
    assertThat(settings.host).isEqualTo("127.0.0.1");
    assertThat(settings.inMemory).isTrue();
    assertThat(settings.users).containsExactly("a:1", "b:2");
    assertThat(settings.retention).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void helpWinsOverEverythingElseAndListsEveryOption() {
    assertThat(commandLine.parse(List.of("--prot", "--help"), new Settings()).helpRequested()).isTrue();
    assertThat(commandLine.help()).startsWith("usage: bin/tool run [options]\n\nRuns the tool.\n\noptions:\n")
        .contains("  --port N").contains("  --user NAME:PASSWORD").contains("  --in-memory")
        .contains("  --verbose").contains("  -h, --help");
  }

  @Test
  void verboseIsKnownToEveryCommand() {
    assertThat(commandLine.parse(List.of("--verbose"), new Settings()).verbose()).isTrue();
  }

  @Test
  void anUnknownOptionNamesTheNearestKnownOne() {
    assertThatThrownBy(() -> commandLine.parse(List.of("--in-memroy"), new Settings()))
        .hasMessage("unknown option '--in-memroy'; did you mean --in-memory? 'bin/tool run --help' lists every option.");
    assertThatThrownBy(() -> commandLine.parse(List.of("--colour"), new Settings()))
        .hasMessage("unknown option '--colour'. 'bin/tool run --help' lists every option.");
  }

  @Test
  void aMissingValueSaysWhichOneAndAFlagTakesNone() {
    assertThatThrownBy(() -> commandLine.parse(List.of("--port"), new Settings()))
        .hasMessageStartingWith("--port needs a value (--port N).");
    assertThatThrownBy(() -> commandLine.parse(List.of("--port", "--in-memory"), new Settings()))
        .hasMessageStartingWith("--port needs a value");
    assertThatThrownBy(() -> commandLine.parse(List.of("--in-memory=yes"), new Settings()))
        .hasMessageStartingWith("--in-memory takes no value");
  }

  @Test
  void aBadValueIsPrefixedWithItsOption() {
    assertThatThrownBy(() -> commandLine.parse(List.of("--port", "-1"), new Settings()))
        .isInstanceOf(CommandLine.UsageException.class)
        .hasMessage("--port: '-1' is not a port; give a number from 1 to 65535, or 0 to pick a free one");
    assertThatThrownBy(() -> commandLine.parse(List.of("--history-retention", "soon"), new Settings()))
        .hasMessageStartingWith("--history-retention: 'soon' is not a duration; give a number with a unit");
  }

  @Test
  void aStrayArgumentIsRejected() {
    assertThatThrownBy(() -> commandLine.parse(List.of("8080"), new Settings()))
        .hasMessageStartingWith("unexpected argument '8080'; options start with --.");
  }

  @Test
  void anOptionDeclaredTwiceIsAProgrammingError() {
    assertThatThrownBy(() -> new CommandLine<Settings>("x", "x", List.of(
        Option.flag("--a", "a", s -> {}), Option.flag("--a", "a again", s -> {}))))
        .hasMessage("option --a is declared twice");
  }
}
