package dev.jitelevate.runner.reliability;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a step's log the way the runner does and reports every workflow command the action did not author:
 * the modern parser takes {@code ::name props::data} after leading whitespace is trimmed, the legacy one
 * takes {@code ##[name]} anywhere in a line. The action itself only emits add-mask, group, endgroup and
 * error/warning/notice with a single {@code title} property; attacker text may appear only escaped inside a
 * title or the data of those, and never in a mask (a mask the attacker chose hides the log from reviewers).
 */
final class WorkflowCommands {
  private static final Set<String> ACTION_EMITS = Set.of("add-mask", "group", "endgroup", "error", "warning", "notice");
  private static final Pattern MODERN = Pattern.compile("^::([A-Za-z-]+)( [^:]*)?::(.*)$");

  private WorkflowCommands() {}

  /** Problems in the action's stdout/stderr: forged commands, legacy markers, escapes. */
  static void checkActionLog(String log, String marker, List<String> problems) {
    for (String line : log.split("\n", -1)) {
      String trimmed = trimStart(line);
      if (line.indexOf('\r') >= 0) {
        problems.add("a log line carries a carriage return: " + show(line));
      }
      commonChecks(line, problems);
      if (!trimmed.startsWith("::")) {
        continue;
      }
      Matcher m = MODERN.matcher(trimmed);
      if (!m.matches() || !ACTION_EMITS.contains(m.group(1))) {
        problems.add("a workflow command the action never emits: " + show(line));
        continue;
      }
      if (!line.startsWith("::")) {
        problems.add("a workflow command after leading whitespace (forged): " + show(line));
      }
      String props = m.group(2) == null ? "" : m.group(2).strip();
      boolean annotation = Set.of("error", "warning", "notice").contains(m.group(1));
      if (annotation ? !props.matches("title=[^,]*") : !props.isEmpty()) {
        problems.add("unexpected command properties: " + show(line));
      }
      if (m.group(1).equals("add-mask") && m.group(3).contains(marker)) {
        problems.add("an attacker-chosen mask: " + show(line));
      }
    }
  }

  /** Problems in a CLI's output: a CLI never emits workflow commands at all. */
  static void checkCliLog(String log, List<String> problems) {
    for (String line : log.split("\n", -1)) {
      commonChecks(line, problems);
      if (trimStart(line).startsWith("::")) {
        problems.add("the CLI printed a workflow command: " + show(line));
      }
    }
  }

  private static void commonChecks(String line, List<String> problems) {
    if (line.contains("##[")) {
      problems.add("a legacy workflow command marker ##[ in a line: " + show(line));
    }
    if (line.indexOf('\u001B') >= 0 || line.indexOf('\u009B') >= 0) {
      problems.add("an ANSI escape in a line: " + show(line));
    }
    if (line.contains("\tat ") || line.startsWith("Caused by:") || line.contains("Exception in thread")) {
      problems.add("a stack trace line: " + show(line));
    }
  }

  /** .NET's String.TrimStart(): every Unicode white space. */
  static String trimStart(String s) {
    int i = 0;
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
      i++;
    }
    return s.substring(i);
  }

  static String show(String line) {
    String s = line.replace("\u001B", "<ESC>").replace("\r", "<CR>");
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
