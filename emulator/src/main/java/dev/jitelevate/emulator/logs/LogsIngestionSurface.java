package dev.jitelevate.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.AccessEvaluator;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.MalformedBodyException;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure Monitor Logs Ingestion API (a data collection endpoint) at {@code {baseUrl}ingest}: {@code POST
 * /dataCollectionRules/{immutableId}/streams/{stream}?api-version=2023-01-01} with a bearer token for
 * {@code https://monitor.azure.com}, {@code Microsoft.Insights/Telemetry/Write} on the rule (Monitoring Metrics
 * Publisher), a body of at most 1 MB, rows checked against the stream's declared columns, 204 on success. The
 * accepted rows are kept in {@link IngestedLogs} for tests to read back.
 */
public final class LogsIngestionSurface implements Surface {
  static final String PREFIX = "/ingest/";
  static final String DATA_ACTION = "Microsoft.Insights/Telemetry/Write";
  static final Set<String> AUDIENCES = Set.of("https://monitor.azure.com", "https://monitor.azure.com/");
  private static final Set<String> API_VERSIONS = Set.of("2021-11-01-preview", "2023-01-01");
  private static final Pattern ROUTE =
      Pattern.compile("^/ingest/dataCollectionRules/([^/]+)/streams/([^/]+)/?$", Pattern.CASE_INSENSITIVE);

  private final EmulatorContext context;
  private final IngestedLogs logs = new IngestedLogs();
  private volatile Map<String, DataCollectionRule> rules = Map.of();

  public LogsIngestionSurface(EmulatorContext context) {
    this.context = context;
    context.register(IngestedLogs.class, logs);
  }

  @Override
  public String name() {
    return "logs";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.pathStartsWithIgnoreCase(PREFIX);
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    return IngestionErrors.of(status, code, message);
  }

  @Override
  public void load(Scenario scenario) {
    rules = RuleLoader.load(scenario);
    logs.clear();
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    Matcher route = ROUTE.matcher(request.path());
    if (!route.matches() || !"POST".equals(request.method())) {
      return IngestionErrors.notFound(request.method() + " " + request.path());
    }
    String apiVersion = request.queryParam("api-version").orElse("");
    if (!API_VERSIONS.contains(apiVersion)) {
      return IngestionErrors.apiVersion(apiVersion.isEmpty() ? "none" : apiVersion);
    }
    Optional<String> token = request.bearerToken().filter(t -> !t.isEmpty());
    if (token.isEmpty()) {
      return IngestionErrors.missingToken();
    }
    Optional<Caller> caller = context.require(TokenValidator.class).validate(token.get(), AUDIENCES);
    if (caller.isEmpty()) {
      return IngestionErrors.invalidToken();
    }
    return ingest(request, caller.get(), route.group(1), route.group(2));
  }

  private EmulatorResponse ingest(EmulatorRequest request, Caller caller, String immutableId, String streamName) {
    IngestionBody body = IngestionBody.read(request.body(), contentLength(request));
    if (body.tooLarge()) {
      return IngestionErrors.tooLarge(body.sentSize());
    }
    DataCollectionRule rule = rules.get(immutableId);
    if (rule == null) {
      return IngestionErrors.ruleNotFound(immutableId);
    }
    if (!context.require(AccessEvaluator.class).allowsDataAction(caller.objectId(), rule.resourceId(), DATA_ACTION)) {
      return IngestionErrors.forbidden(immutableId);
    }
    Optional<StreamDeclaration> stream = rule.stream(streamName);
    if (stream.isEmpty()) {
      return IngestionErrors.streamNotFound(streamName, immutableId);
    }
    if (body.error().isPresent()) {
      return IngestionErrors.invalidPayload(body.error().get());
    }
    return accept(body.json(), rule, stream.get());
  }

  private static Optional<Long> contentLength(EmulatorRequest request) {
    try {
      return request.header("Content-Length").map(String::trim).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private EmulatorResponse accept(byte[] json, DataCollectionRule rule, StreamDeclaration stream) {
    JsonNode rows;
    try {
      rows = Json.parse(json);
    } catch (MalformedBodyException e) {
      return IngestionErrors.invalidPayload(e.getMessage());
    }
    if (!rows.isArray()) {
      return IngestionErrors.invalidPayload("The request body must be a JSON array of objects.");
    }
    List<JsonNode> accepted = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Optional<String> problem = stream.problemWith(rows.get(i), i);
      if (problem.isPresent()) {
        return IngestionErrors.invalidPayload(problem.get());
      }
      accepted.add(rows.get(i));
    }
    logs.append(rule.immutableId(), stream.name(), accepted);
    return EmulatorResponse.empty(204);
  }
}
