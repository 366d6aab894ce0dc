package dev.jitelevate.runner.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Actions artifact service v4 on loopback: the Twirp JSON {@code CreateArtifact} and
 * {@code FinalizeArtifact} calls (bearer = the runtime token) and the signed blob URL that takes the zip.
 */
public final class ArtifactServiceFake implements AutoCloseable {
  static final String RUN_BACKEND_ID = "ce7f54c7-61c7-4aae-887f-30da475f5f1a";
  static final String JOB_BACKEND_ID = "ca395085-040a-526b-2ce8-bdc85f692774";
  public static final String SAS = "sig=fake-sas-signature-77aa";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One call the fake received. */
  public record Call(String path, String authorization, String blobType, JsonNode json, byte[] body) {}

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Statuses to answer the next requests with, one each, before serving normally again. */
  public final java.util.Queue<Integer> failNext = new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** How many requests to serve normally before {@link #failNext} applies. */
  public volatile int failAfter;
  public final String runtimeToken;
  private final HttpServer server;

  public ArtifactServiceFake() throws IOException {
    String payload = "{\"scp\":\"Actions.ExampleScope Actions.Results:" + RUN_BACKEND_ID + ":" + JOB_BACKEND_ID + "\"}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    runtimeToken = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".runtime-signature-5c3d";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String resultsUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    JsonNode json = path.startsWith("/twirp/") ? MAPPER.readTree(body) : null;
    calls.add(new Call(exchange.getRequestMethod() + " " + path + (exchange.getRequestURI().getQuery() == null ? ""
        : "?" + exchange.getRequestURI().getQuery()), exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("x-ms-blob-type"), json, body));
    String service = "/twirp/github.actions.results.api.v1.ArtifactService/";
    Integer failure = calls.size() > failAfter ? failNext.poll() : null;
    if (failure != null) {
      respond(exchange, failure, "{\"code\":\"unavailable\",\"msg\":\"try later\"}");
      return;
    }
    boolean authorized = ("Bearer " + runtimeToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    if (path.equals(service + "CreateArtifact") && authorized) {
      respond(exchange, 200, "{\"ok\":true,\"signed_upload_url\":\"" + resultsUrl() + "blob/record.zip?" + SAS + "\"}");
    } else if (path.equals("/blob/record.zip") && "PUT".equals(exchange.getRequestMethod())) {
      respond(exchange, 201, "");
    } else if (path.equals(service + "FinalizeArtifact") && authorized) {
      respond(exchange, 200, "{\"ok\":true,\"artifact_id\":\"4711\"}");
    } else {
      respond(exchange, 401, "{\"code\":\"unauthenticated\",\"msg\":\"no\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
