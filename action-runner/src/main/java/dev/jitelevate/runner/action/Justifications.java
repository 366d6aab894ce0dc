package dev.jitelevate.runner.action;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.TicketInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The why of a request: the justification (given, from a template, or built from the event) and the ticket
 * (given, or found by a pattern in the PR title, the branch or the commit title). Every piece taken from the
 * event is neutralized and shortened before it is used, and the result fits PIM's 500 characters.
 */
final class Justifications {
  private static final int MAX_TITLE = 120;
  /** How long the ticket pattern may search the event's texts: ample for any sane pattern. */
  private static final Duration PATTERN_BUDGET = Duration.ofMillis(250);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)\\}");

  private Justifications() {}

  /** The placeholders a template may use, with their values for this run. */
  static Map<String, String> placeholders(GitHubEvent event, ActionEnvironment env, Optional<TicketInfo> ticket) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("repository", one(event.repository(), 100));
    values.put("event", one(event.name(), 40));
    values.put("actor", one(event.actor(), 60));
    values.put("ref", one(event.ref(), 120));
    values.put("sha", one(event.sha(), 40));
    values.put("short-sha", one(event.sha().length() > 7 ? event.sha().substring(0, 7) : event.sha(), 7));
    values.put("pr-number", event.pullRequest().map(p -> Long.toString(p.number())).orElse(""));
    values.put("pr-title", event.pullRequest().map(p -> one(p.title(), MAX_TITLE)).orElse(""));
    values.put("pr-url", event.pullRequest().map(p -> one(p.url(), 200)).orElse(""));
    values.put("commit", event.commitTitle().map(c -> one(c, MAX_TITLE)).orElse(""));
    values.put("release", event.releaseTag().map(t -> one(t, 60)).orElse(""));
    values.put("workflow", one(env.get("GITHUB_WORKFLOW").orElse(""), 80));
    values.put("run-url", env.runUrl().map(u -> one(u, 200)).orElse(""));
    values.put("ticket", ticket.map(t -> one(t.number(), 100)).orElse(""));
    return values;
  }

  /**
   * The justification: the input as given, else the template filled in, else one built from the event.
   *
   * @throws ActionFailure when the template names an unknown placeholder
   */
  static String justification(Optional<String> given, Optional<String> template, Map<String, String> values) {
    if (given.isPresent()) {
      return UntrustedText.exactLines(given.get(), ElevationRequest.MAX_JUSTIFICATION);
    }
    String text = template.map(t -> fill(t, values)).orElseGet(() -> fromEvent(values));
    return UntrustedText.exactLines(text, ElevationRequest.MAX_JUSTIFICATION);
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw ActionFailure.input("justification-template", "The placeholder {" + m.group(1) + "} is unknown. Use "
            + String.join(", ", values.keySet().stream().map(k -> "{" + k + "}").toList()) + ".");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String fromEvent(Map<String, String> v) {
    String what;
    if (!v.get("pr-number").isEmpty()) {
      what = "PR #" + v.get("pr-number") + (v.get("pr-title").isBlank() ? "" : " \"" + v.get("pr-title") + "\"")
          + (v.get("pr-url").isEmpty() ? "" : " " + v.get("pr-url"));
    } else if (!v.get("release").isEmpty()) {
      what = "release " + v.get("release");
    } else if (!v.get("commit").isEmpty()) {
      what = v.get("event") + " to " + v.get("ref") + " \"" + v.get("commit") + "\"";
    } else {
      what = (v.get("event").isEmpty() ? "run" : v.get("event")) + " of " + v.get("workflow") + " on " + v.get("ref");
    }
    StringBuilder b = new StringBuilder("jit-elevate for ").append(v.get("repository")).append(": ").append(what);
    if (!v.get("actor").isEmpty()) b.append(" by ").append(v.get("actor"));
    if (!v.get("short-sha").isEmpty() && !v.get("short-sha").matches("0+")) {
      b.append(", commit ").append(v.get("short-sha"));
    }
    if (!v.get("run-url").isEmpty()) b.append(", run ").append(v.get("run-url"));
    return b.toString();
  }

  /**
   * The ticket: the number as given, else the first match of the pattern in the PR title, the branch or the
   * commit title; empty when there is neither.
   *
   * @throws ActionFailure when the pattern is not a regular expression or the number is not a ticket number
   */
  static Optional<TicketInfo> ticket(Optional<String> number, Optional<String> system, Optional<String> pattern,
      GitHubEvent event) {
    String sys = system.map(s -> one(s, 60)).orElse("");
    if (number.isPresent()) {
      return Optional.of(ticketOf(number.get(), sys, "ticket-number"));
    }
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    Pattern p;
    try {
      p = Pattern.compile(pattern.get());
    } catch (PatternSyntaxException e) {
      throw ActionFailure.input("ticket-pattern", "'" + one(pattern.get(), 80) + "' is not a regular expression ("
          + one(e.getDescription(), 80) + "). Use e.g. [A-Z]+-[0-9]+.");
    }
    try {
      return Stream.of(event.pullRequest().map(GitHubEvent.PullRequest::title), Optional.of(event.ref()), event.commitTitle())
          .flatMap(Optional::stream)
          .map(text -> p.matcher(BoundedText.of(text, PATTERN_BUDGET))).filter(Matcher::find).map(Matcher::group)
          .filter(s -> !s.isBlank())
          .findFirst().map(found -> ticketOf(found, sys, "ticket-pattern"));
    } catch (BoundedText.TooSlow e) {
      throw ActionFailure.input("ticket-pattern", "'" + one(pattern.get(), 80) + "' took longer than "
          + PATTERN_BUDGET.toMillis() + " ms on the event's text (catastrophic backtracking). Use a simple pattern "
          + "such as [A-Z]+-[0-9]+, or pass ticket-number.");
    }
  }

  private static TicketInfo ticketOf(String number, String system, String input) {
    String n = UntrustedText.exact(number, 200);
    if (n.isEmpty() || n.length() > 100) {
      throw ActionFailure.input(input, "The ticket number '" + UntrustedText.neutralize(number, 40)
          + "' is empty or longer than 100 characters. Pass a ticket number such as OPS-123.");
    }
    return new TicketInfo(n, system);
  }

  /** Event text in the justification: exact (PIM and the record do not interpret it), on one line, bounded. */
  private static String one(String text, int max) {
    return UntrustedText.exact(text, max);
  }
}
