package org.camunda4j.examples.readme;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ```java block of the README: a complete compilation unit in the default package, either a
 * program (it has a {@code main}) or a JUnit test class.
 *
 * @param line the README line the block starts on, for messages
 */
record JavaBlock(int line, String source) {

  private static final Pattern TOP_LEVEL_CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
  private static final Pattern JOB_TYPE = Pattern.compile("WorkerConfig\\.of\\(\"([^\"]+)\"\\)");

  static List<JavaBlock> extract(String markdown) {
    List<JavaBlock> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().equals("```java")) {
        int start = i + 1;
        StringBuilder source = new StringBuilder();
        while (++i < lines.length && !lines[i].strip().equals("```")) {
          source.append(lines[i]).append('\n');
        }
        blocks.add(new JavaBlock(start + 1, source.toString()));
      }
    }
    return List.copyOf(blocks);
  }

  String className() {
    Matcher m = TOP_LEVEL_CLASS.matcher(source);
    if (!m.find()) {
      throw new AssertionError("README block at line " + line + " declares no top-level class");
    }
    return m.group(1);
  }

  boolean isTestClass() {
    return source.contains("@Test");
  }

  boolean isProgram() {
    return source.contains("public static void main(String[] args)");
  }

  /** The job types the program's workers poll, so the test can hand each a job. */
  Set<String> jobTypes() {
    Set<String> types = new LinkedHashSet<>();
    Matcher m = JOB_TYPE.matcher(source);
    while (m.find()) {
      types.add(m.group(1));
    }
    return types;
  }
}
