package dev.jitelevate.audit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Renders an {@link ActivationReport} as one self-contained HTML page: inline CSS, inline script and the
 * aggregates as inline JSON; the script draws every chart as SVG. Nothing is fetched when the page is viewed
 * (its Content-Security-Policy forbids it). Text from records is only ever set as text, never as markup.
 */
public final class HtmlReport {
  private static final String TEMPLATE = resource("report.html");
  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private HtmlReport() {}

  /** Returns the page for the report, stamped with the time it was generated. */
  public static String render(ActivationReport report, Instant generatedAt) {
    return TEMPLATE
        .replace("{{CSS}}", CSS)
        .replace("{{GENERATED}}", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString())
        .replace("{{JS}}", SCRIPT)
        .replace("{{DATA}}", inlineJson(ReportJson.compact(report)));
  }

  /** JSON that cannot end its script element or open a comment: {@code <}, {@code >} and {@code &} escaped. */
  static String inlineJson(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The report's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
