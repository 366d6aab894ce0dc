package dev.jitelevate.emulator.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adapts WireMock's one catch-all stub to the {@link Dispatcher}: WireMock request in, WireMock response out. */
final class DispatchTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "jit-emulator-dispatch";
  /** Null until the engine has its dispatchers: requests before that are told the emulator is starting. */
  private volatile Routes routes;

  /** The main port's dispatcher, and the dispatchers of the ports that serve one service alone. */
  private record Routes(Dispatcher main, Map<Integer, Dispatcher> byPort) {
    Dispatcher of(int port) {
      return byPort.getOrDefault(port, main);
    }
  }

  /** Sets the main port's dispatcher and those of the ports that serve one service alone, in one step. */
  void dispatchers(Dispatcher main, Map<Integer, Dispatcher> byPort) {
    this.routes = new Routes(Objects.requireNonNull(main, "main"), Map.copyOf(byPort));
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    Routes current = routes;
    if (current == null) {
      return new ResponseDefinitionBuilder().withStatus(503).withHeader("Content-Type", "application/json")
          .withBody("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The emulator is starting.\"}}").build();
    }
    // WireMock's port is Jetty's server port: the port in the Host header, as Azure tells its hosts apart by name.
    Dispatcher.Outcome outcome = current.of(request.getPort()).dispatch(request.getMethod().getName(),
        request.getUrl(), headers, request.getBody(), request.getClientIp());
    ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder();
    if (outcome.delayMs() > 0) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, outcome.delayMs()));
    }
    if (outcome.reset()) {
      return builder.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    EmulatorResponse response = outcome.response();
    builder.withStatus(response.status());
    response.headers().forEach(builder::withHeader);
    if (response.body().length > 0) {
      builder.withBody(response.body());
    }
    return builder.build();
  }
}
