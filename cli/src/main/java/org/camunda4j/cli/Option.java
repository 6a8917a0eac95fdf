package org.camunda4j.cli;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One command-line option: its name, the value it takes (none for a flag), its help line, and how it
 * applies itself to the {@code T} it configures. A bad value is an {@link IllegalArgumentException}
 * from {@code apply} whose message says what is wrong and what to do; {@link Values} has the common
 * checks.
 *
 * @param name the option as typed, e.g. {@code --port}
 * @param valueName how the help names the value, e.g. {@code N}; null for a flag
 * @param help one line for {@code --help}, ending with the default if there is one
 * @param apply applies one occurrence's value (null for a flag) to the target
 */
public record Option<T>(String name, String valueName, String help, BiConsumer<T, String> apply) {

  public Option {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(apply, "apply");
    if (!name.startsWith("--")) {
      throw new IllegalArgumentException("an option name starts with --, was " + name);
    }
  }

  /** An option that takes a value: {@code --port 8080} or {@code --port=8080}. */
  public static <T> Option<T> value(String name, String valueName, String help, BiConsumer<T, String> apply) {
    return new Option<>(name, Objects.requireNonNull(valueName, "valueName"), help, apply);
  }

  /** An option without a value: {@code --in-memory}. */
  public static <T> Option<T> flag(String name, String help, Consumer<T> apply) {
    return new Option<>(name, null, help, (target, ignored) -> apply.accept(target));
  }

  boolean takesValue() {
    return valueName != null;
  }

  /** How the option reads in the help, e.g. {@code --port N}. */
  String synopsis() {
    return takesValue() ? name + " " + valueName : name;
  }
}
