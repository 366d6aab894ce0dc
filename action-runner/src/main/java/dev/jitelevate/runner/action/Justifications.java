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
    values.put("action", event.action().map(a -> one(a, 30)).orElse(""));
    values.put("environment", one(String.join(", ", event.environments()), 120));
    values.put("workflow", one(env.get("GITHUB_WORKFLOW").orElse(""), 80));
    values.put("change", EventDescription.of(event, env.get("GITHUB_WORKFLOW").orElse("")));
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
    String what = v.get("change");
    StringBuilder b = new StringBuilder("jit-elevate for ").append(v.get("repository")).append(": ").append(what);
    if (!v.get("actor").isEmpty()) b.append(" by ").append(v.get("actor"));
    if (!v.get("short-sha").isEmpty() && !v.get("short-sha").matches("0+")) {
      b.append(", commit ").append(v.get("short-sha"));
    }
    if (!v.get("run-url").isEmpty()) b.append(", run ").append(v.get("run-url"));
    return b.toString();
  }

  /**
   * What the ticket inputs found: the ticket, or why the pattern found none.
   *
   * @param ticket the ticket, when given or found
   * @param miss why {@code ticket-pattern} found no ticket (matched nothing, or timed out); empty when it found
   *     one or there is no pattern
   */
  record TicketSearch(Optional<TicketInfo> ticket, Optional<String> miss) {}

  /**
   * The ticket: the number as given, else the first match of the pattern in the PR title, the branch or the
   * commit title; else why the pattern found none.
   *
   * @throws ActionFailure when the pattern is not a regular expression or the number is not a ticket number
   */
  static TicketSearch ticket(Optional<String> number, Optional<String> system, Optional<String> pattern,
      GitHubEvent event) {
    String sys = system.map(s -> one(s, 60)).orElse("");
    if (number.isPresent()) {
      return new TicketSearch(Optional.of(ticketOf(number.get(), sys, "ticket-number")), Optional.empty());
    }
    if (pattern.isEmpty()) {
      return new TicketSearch(Optional.empty(), Optional.empty());
    }
    Pattern p;
    try {
      p = Pattern.compile(pattern.get());
    } catch (PatternSyntaxException e) {
      throw ActionFailure.input("ticket-pattern", "'" + one(pattern.get(), 80) + "' is not a regular expression ("
          + one(e.getDescription(), 80) + "). Use e.g. [A-Z]+-[0-9]+.");
    }
    String shown = "The ticket-pattern '" + UntrustedText.neutralize(pattern.get(), 80) + "'";
    try {
      Optional<TicketInfo> found = Stream.of(event.pullRequest().map(GitHubEvent.PullRequest::title),
              Optional.of(event.ref()), event.commitTitle())
          .flatMap(Optional::stream)
          .map(text -> p.matcher(BoundedText.of(text, PATTERN_BUDGET))).filter(Matcher::find).map(Matcher::group)
          .filter(s -> !s.isBlank())
          .findFirst().map(f -> ticketOf(f, sys, "ticket-pattern"));
      return new TicketSearch(found, found.isPresent() ? Optional.empty()
          : Optional.of(shown + " matched nothing in the PR title, the branch or the commit title"));
    } catch (BoundedText.TooSlow e) {
      return new TicketSearch(Optional.empty(), Optional.of(shown + " took longer than " + PATTERN_BUDGET.toMillis()
          + " ms on the event's text and was stopped (catastrophic backtracking; use a simple pattern such as"
          + " [A-Z]+-[0-9]+)"));
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
