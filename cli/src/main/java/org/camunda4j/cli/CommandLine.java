package org.camunda4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A command's options, declared in one list, and the parser and help built from that list. Every
 * command also takes {@code --help} (the help, exit 0) and {@code --verbose} (stack traces on
 * failures). Mistakes come back as one {@link UsageException} line: an unknown option names the
 * nearest known one, a bad value says what is wrong and what to give.
 *
 * @param <T> what the options configure, e.g. an {@code EngineConfig.Builder}
 */
public final class CommandLine<T> {

  private static final String HELP = "--help";
  private static final String VERBOSE = "--verbose";

  private final String program;
  private final String summary;
  private final Map<String, Option<T>> options = new LinkedHashMap<>();

  /**
   * @param program how the command is typed, e.g. {@code bin/camunda4j engine}
   * @param summary what the command does, one or two lines for the help
   * @param options its options, in the order the help lists them
   */
  public CommandLine(String program, String summary, List<Option<T>> options) {
    this.program = program;
    this.summary = summary;
    for (Option<T> option : options) {
      if (option.name().equals(HELP) || option.name().equals(VERBOSE) || this.options.put(option.name(), option) != null) {
        throw new IllegalArgumentException("option " + option.name() + " is declared twice");
      }
    }
  }

  /** What parsing asked for besides the options it applied. */
  public record Parsed(boolean helpRequested, boolean verbose) {}

  /**
   * Applies every option in {@code args} to {@code target}, in order. If {@code --help} is among the
   * arguments nothing is applied and {@link Parsed#helpRequested()} is true.
   *
   * @throws UsageException on an unknown option, a missing or bad value, or a stray argument
   */
  public Parsed parse(List<String> args, T target) {
    if (args.contains(HELP) || args.contains("-h")) {
      return new Parsed(true, args.contains(VERBOSE));
    }
    boolean verbose = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals(VERBOSE)) {
        verbose = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'; options start with --. " + seeHelp());
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      Option<T> option = options.get(name);
      if (option == null) {
        String suggestion = Suggestions.didYouMean(name, names());
        throw new UsageException("unknown option '" + name + "'" + (suggestion.isEmpty() ? "." : suggestion) + " " + seeHelp());
      }
      String value = null;
      if (option.takesValue()) {
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          throw new UsageException(name + " needs a value (" + option.synopsis() + "). " + seeHelp());
        }
      } else if (equals >= 0) {
        throw new UsageException(name + " takes no value, got '" + arg + "'. " + seeHelp());
      }
      try {
        option.apply().accept(target, value);
      } catch (IllegalArgumentException e) {
        throw new UsageException(name + ": " + e.getMessage());
      }
    }
    return new Parsed(false, verbose);
  }

  /** The help: usage line, summary, and one line per option. */
  public String help() {
    List<String[]> rows = new ArrayList<>();
    options.values().forEach(option -> rows.add(new String[] {option.synopsis(), option.help()}));
    rows.add(new String[] {VERBOSE, "print the stack trace of a failure, not just its one-line reason"});
    rows.add(new String[] {"-h, " + HELP, "print this help and exit"});
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;
    StringBuilder help = new StringBuilder("usage: " + program + " [options]\n\n" + summary + "\n\noptions:\n");
    rows.forEach(row -> help.append("  ").append(String.format("%-" + width + "s", row[0])).append(row[1]).append('\n'));
    return help.toString();
  }

  private List<String> names() {
    return Stream.concat(options.keySet().stream(), Stream.of(HELP, VERBOSE)).toList();
  }

  private String seeHelp() {
    return "'" + program + " --help' lists every option.";
  }

  /** A mistake on the command line; its message is one line that says what to do. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
