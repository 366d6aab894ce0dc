package dev.jitelevate.audit.ship;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Context;
import com.azure.monitor.ingestion.LogsIngestionClient;
import com.azure.monitor.ingestion.LogsIngestionClientBuilder;
import com.azure.monitor.ingestion.models.LogsUploadError;
import com.azure.monitor.ingestion.models.LogsUploadOptions;
import dev.jitelevate.audit.Records;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ships activation records to a Log Analytics table (and so to Microsoft Sentinel) through the Logs Ingestion
 * API with the official {@code LogsIngestionClient}: one row per record ({@link RecordRow}), batched into calls
 * under the service's 1 MB limit, throttling retried as the service's {@code Retry-After} says. Every record
 * ends up shipped or reported with the service's answer; none is dropped silently.
 *
 * <p>The identity needs Monitoring Metrics Publisher ({@code Microsoft.Insights/Telemetry/Write}) on the data
 * collection rule.
 */
public final class Shipper {
  private final ShipTarget target;
  private final LogsIngestionClient client;

  private Shipper(ShipTarget target, LogsIngestionClient client) {
    this.target = target;
    this.client = client;
  }

  /**
   * Creates a shipper.
   *
   * @param credential the identity's credential; tokens are requested for {@code https://monitor.azure.com}
   * @param http the HTTP client (its TLS trust decides which CAs are trusted)
   */
  public static Shipper create(ShipTarget target, TokenCredential credential, HttpClient http) {
    Objects.requireNonNull(target, "target");
    LogsIngestionClient client = new LogsIngestionClientBuilder().endpoint(target.endpoint().toString())
        .credential(Objects.requireNonNull(credential, "credential")).httpClient(Objects.requireNonNull(http, "http"))
        .buildClient();
    return new Shipper(target, client);
  }

  /**
   * Ships every record of the set; the set's skipped files are passed through to the result.
   *
   * @throws ShipException when the endpoint cannot be reached at all
   */
  public ShipResult ship(Records.RecordSet records) {
    Map<Object, Path> files = new IdentityHashMap<>();
    List<Object> rows = new ArrayList<>();
    for (Records.Loaded loaded : records.records()) {
      Object row = RecordRow.of(loaded.record());
      files.put(row, loaded.file());
      rows.add(row);
    }
    List<ShipResult.Refused> refused = new ArrayList<>();
    if (!rows.isEmpty()) {
      upload(rows, error -> refusals(error, files, refused));
    }
    Set<Path> refusedFiles = new LinkedHashSet<>();
    refused.forEach(r -> refusedFiles.add(r.file()));
    List<Path> shipped = records.records().stream().map(Records.Loaded::file)
        .filter(f -> !refusedFiles.contains(f)).toList();
    return new ShipResult(shipped, refused, records.skipped());
  }

  private void upload(List<Object> rows, java.util.function.Consumer<LogsUploadError> onError) {
    LogsUploadOptions options = new LogsUploadOptions().setMaxConcurrency(1).setLogsUploadErrorConsumer(onError);
    try {
      client.upload(target.ruleId(), target.stream(), rows, options, Context.NONE);
    } catch (RuntimeException e) {
      throw new ShipException(target.endpoint().toString(), "Cannot reach the Logs Ingestion endpoint "
          + target.endpoint() + ": " + ServiceAnswer.rootMessage(e) + ". Check the endpoint URL (the data collection "
          + "endpoint's logsIngestion endpoint) and the network path to it.", e);
    }
  }

  private static void refusals(LogsUploadError error, Map<Object, Path> files, List<ShipResult.Refused> into) {
    ServiceAnswer answer = ServiceAnswer.of(error.getResponseException());
    synchronized (into) {
      for (Object row : error.getFailedLogs()) {
        Path file = files.get(row);
        if (file != null) {
          into.add(new ShipResult.Refused(file, answer.status(), answer.code(), answer.requestId(), answer.message()));
        }
      }
    }
  }

  /** The service's answer to a failed call, read from the SDK's exception. */
  record ServiceAnswer(int status, String code, String requestId, String message) {
    static ServiceAnswer of(HttpResponseException e) {
      if (e.getResponse() == null) {
        return new ServiceAnswer(0, "", "", oneLine("signing in for https://monitor.azure.com failed: " + rootMessage(e)));
      }
      String text = String.valueOf(e.getMessage());
      String code = field(text, "code");
      String message = field(text, "message");
      String requestId = String.valueOf(e.getResponse().getHeaderValue("x-ms-request-id"));
      return new ServiceAnswer(e.getResponse().getStatusCode(), code, "null".equals(requestId) ? "" : requestId,
          oneLine(message.isEmpty() ? text : message));
    }

    private static String field(String text, String name) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
          .matcher(text);
      return m.find() ? m.group(1).replace("\\\"", "\"") : "";
    }

    static String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      return oneLine(message);
    }

    private static String oneLine(String text) {
      String line = text.replaceAll("\\s+", " ").trim();
      return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
  }
}
