package dev.jitelevate.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.entra.OidcCustomization;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.MalformedBodyException;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The emulator's own admin API under {@code /_emulator/}: leak detector, journal, scenarios, approvals,
 * hazards, faults, clock, profile, GitHub job context and OIDC customization. Never subject to hazards.
 */
public final class AdminSurface implements Surface {
  private static final String PREFIX = "/_emulator/";
  private final AdminOperations ops;

  public AdminSurface(AdminOperations ops) {
    this.ops = ops;
  }

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.path().startsWith(PREFIX) || request.path().equals("/_emulator");
  }

  @Override
  public boolean subjectToHazards() {
    return false;
  }

  @Override
  public void load(Scenario scenario) {
    // the admin API has no state of its own
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    String route = request.method() + " " + request.path().substring(Math.min(request.path().length(), PREFIX.length()));
    try {
      return route(route, request);
    } catch (MalformedBodyException | IllegalArgumentException e) {
      return error(400, "BadRequest", e.getMessage());
    }
  }

  private EmulatorResponse route(String route, EmulatorRequest request) {
    if (route.startsWith("POST approvals/")) {
      return decide(route.substring("POST approvals/".length()), request.bodyJson());
    }
    switch (route) {
      case "GET assignments":
        return list(ops.activeAssignments());
      case "GET journal":
        return list(ops.journal());
      case "DELETE journal":
        ops.clearJournal();
        return EmulatorResponse.empty(204);
      case "POST scenario":
        ops.loadScenario(new Scenario(requireObject(request.bodyJson())));
        return EmulatorResponse.json(200, Json.object().put("status", "loaded"));
      case "POST reset":
        ops.reset();
        return EmulatorResponse.json(200, Json.object().put("status", "reset"));
      case "GET approvals":
        return list(ops.pendingApprovals());
      case "GET hazards":
        return EmulatorResponse.json(200, AdminJson.hazards(ops.hazards()));
      case "PUT hazards":
        ops.hazards(AdminJson.hazards(ops.hazards(), request.bodyJson()));
        return EmulatorResponse.json(200, AdminJson.hazards(ops.hazards()));
      case "POST faults":
        FaultRule rule = AdminJson.faultRule(request.bodyJson());
        ops.injectFault(rule);
        return EmulatorResponse.json(201, AdminJson.faultRule(rule));
      case "GET clock":
        return clock();
      case "POST clock/advance":
        return advance(request.bodyJson());
      case "GET profile":
        return EmulatorResponse.json(200, Json.parse(ops.profileJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      case "GET github/context":
        return EmulatorResponse.json(200, AdminJson.github(ops.github().context()));
      case "PUT github/context":
        ops.github().context(AdminJson.github(ops.github().context(), request.bodyJson()));
        return EmulatorResponse.json(200, AdminJson.github(ops.github().context()));
      case "GET github/oidc":
        return EmulatorResponse.json(200, AdminJson.oidc(ops.github().customization()));
      case "PUT github/oidc":
        OidcCustomization updated = AdminJson.oidc(ops.github().customization(), request.bodyJson());
        ops.github().customize(c -> updated);
        return EmulatorResponse.json(200, AdminJson.oidc(ops.github().customization()));
      default:
        return error(404, "NotFound", "The admin API has no " + route.replace(" ", " /_emulator/")
            + ". See emulator/README.md (Admin API).");
    }
  }

  private EmulatorResponse decide(String approvalId, JsonNode body) {
    requireObject(body);
    String decision = Json.text(body, "decision");
    if (!"Approve".equalsIgnoreCase(decision) && !"Deny".equalsIgnoreCase(decision)) {
      throw new IllegalArgumentException("'decision' must be Approve or Deny, not '" + decision + "'.");
    }
    String approver = Json.text(body, "approverId");
    if (approver == null) {
      throw new IllegalArgumentException("'approverId' is required: the object id of the approver deciding.");
    }
    return ops.decide(approvalId, "Approve".equalsIgnoreCase(decision), approver,
            Optional.ofNullable(Json.text(body, "justification")).orElse("Decided through the emulator admin API"))
        .map(a -> EmulatorResponse.json(200, a))
        .orElseGet(() -> error(404, "NotFound", "No pending approval '" + approvalId + "'. GET /_emulator/approvals lists them."));
  }

  private EmulatorResponse clock() {
    return EmulatorResponse.json(200, Json.object().put("now", ops.clock().now().toString())
        .put("offsetSeconds", ops.clock().offset().toSeconds()));
  }

  private EmulatorResponse advance(JsonNode body) {
    requireObject(body);
    JsonNode seconds = body.get("seconds");
    if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
      throw new IllegalArgumentException("'seconds' must be a number >= 0, e.g. {\"seconds\": 300}.");
    }
    ops.clock().advance(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
    return clock();
  }

  private static EmulatorResponse list(Collection<?> items) {
    ObjectNode body = Json.object();
    ArrayNode value = body.putArray("value");
    items.forEach(i -> value.add(Json.MAPPER.valueToTree(i)));
    return EmulatorResponse.json(200, body);
  }

  private static JsonNode requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("The request body must be a JSON object.");
    }
    return body;
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return EmulatorResponse.json(status, body);
  }
}
