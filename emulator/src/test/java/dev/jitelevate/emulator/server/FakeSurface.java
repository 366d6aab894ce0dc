package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A surface for engine tests: owns a path prefix, records what it served, answers with a handler. */
final class FakeSurface implements Surface {
  final List<EmulatorRequest> served = new ArrayList<>();
  private final String name;
  private final String prefix;
  private final boolean hazards;
  private Function<EmulatorRequest, EmulatorResponse> handler = r -> EmulatorResponse.json(200, Json.object().put("ok", true));

  FakeSurface(String name, String prefix, boolean hazards) {
    this.name = name;
    this.prefix = prefix;
    this.hazards = hazards;
  }

  FakeSurface answering(Function<EmulatorRequest, EmulatorResponse> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.path().startsWith(prefix);
  }

  @Override
  public synchronized EmulatorResponse handle(EmulatorRequest request) {
    served.add(request);
    return handler.apply(request);
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    var body = Json.object();
    body.putObject("error").put("code", code).put("message", message).put("surface", name);
    return EmulatorResponse.json(status, body);
  }

  @Override
  public boolean subjectToHazards() {
    return hazards;
  }

  @Override
  public void load(Scenario scenario) {}
}
