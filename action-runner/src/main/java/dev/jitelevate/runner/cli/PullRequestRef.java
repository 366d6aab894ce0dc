package dev.jitelevate.runner.cli;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub pull request named by its URL ({@code https://github.com/contoso/payments/pull/42}, or the same
 * shape on a GitHub Enterprise host). Parsed from the URL alone; nothing is fetched.
 */
public record PullRequestRef(URI url, String repository, int number) {
  private static final Pattern PATH = Pattern.compile("^/([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_.-]{1,100})/pull/(\\d{1,9})(/.*)?$");

  /**
   * Parses a pull request URL.
   *
   * @throws CliInputException naming --pr when the text is not an https URL of a pull request
   */
  public static PullRequestRef parse(String text) {
    String t = text == null ? "" : text.trim();
    try {
      URI uri = URI.create(t);
      Matcher m = PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !m.matches()) {
        throw invalid(t);
      }
      URI canonical = URI.create("https://" + uri.getHost() + "/" + m.group(1) + "/" + m.group(2) + "/pull/" + m.group(3));
      return new PullRequestRef(canonical, m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
    } catch (IllegalArgumentException e) {
      throw invalid(t);
    }
  }

  private static CliInputException invalid(String text) {
    String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
    return new CliInputException("--pr", "'" + shown.replaceAll("\\p{Cntrl}", "?") + "' is not a pull request URL.",
        "Pass a URL like https://github.com/contoso/payments/pull/42.");
  }

  /** The short reference people write: {@code contoso/payments#42}. */
  public String shortRef() {
    return repository + "#" + number;
  }

  /** The justification with this pull request appended (or the reference alone when none was given). */
  public String intoJustification(String justification) {
    String base = justification == null ? "" : justification.strip();
    String ref = "PR " + shortRef() + " (" + url + ")";
    return base.isEmpty() ? ref : base + " [" + ref + "]";
  }

  /** The labels copied into the record's {@code ci} section. */
  public Map<String, String> labels() {
    return Map.of("pr.url", url.toString(), "pr.repository", repository, "pr.number", Integer.toString(number));
  }
}
