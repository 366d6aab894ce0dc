package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.ReadValueCallback;
import com.azure.resourcemanager.authorization.fluent.AuthorizationManagementClient;
import com.azure.resourcemanager.authorization.implementation.AuthorizationManagementClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.gateway.sdk.TransientRetry;
import dev.jitelevate.core.internal.retry.ThrottleGate;
import dev.jitelevate.core.internal.json.CoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ARM as one identity sees it: the management SDK's client on {@link ArmPipeline}, every call retried
 * through transient failures and translated into {@link dev.jitelevate.core.ElevationException}s.
 */
final class ArmClient {
  private static final ObjectMapper JSON = CoreJson.MAPPER;
  private static final String PERMISSIONS_API = "2022-04-01";

  private final HttpPipeline pipeline;
  private final AuthorizationManagementClient sdk;
  private final TransientRetry retry;
  private final String endpoint;

  private ArmClient(HttpPipeline pipeline, SurfaceContext context, ThrottleGate gate) {
    this.pipeline = pipeline;
    this.sdk = roleClient(pipeline, context);
    this.retry = new TransientRetry(context, gate);
    this.endpoint = ArmPipeline.endpoint(context.cloud());
  }

  /**
   * The management SDK's role client alone. {@code AuthorizationManager.authenticate(...)} would also build the
   * SDK's Microsoft Graph client (applications, users, groups, domains) and its fluent wrappers, which nothing
   * here uses: about a third of the SDK's classes loaded for every elevation. The builder lives in the SDK's
   * implementation package; the version is pinned, and ArmHappyPathIT et al. exercise it against the emulator.
   */
  private static AuthorizationManagementClient roleClient(HttpPipeline pipeline, SurfaceContext context) {
    return new AuthorizationManagementClientBuilder().pipeline(pipeline)
        .endpoint(context.cloud().resourceManagerEndpoint().toString())
        .buildClient();
  }

  /**
   * A client calling as the credential's identity. ARM throttles per caller, so every client of one identity
   * (one broker for many elevations in this JVM) shares its throttle gate: a 429's {@code Retry-After} holds them all.
   */
  static ArmClient create(TokenCredential credential, CredentialSource identity, SurfaceContext context, SdkHttp http) {
    ThrottleGate gate = ThrottleGate.of(identity, "arm " + context.cloud().resourceManagerEndpoint());
    return new ArmClient(ArmPipeline.create(credential, context, http), context, gate);
  }

  /** The SDK's client; use it inside {@link #call}. */
  AuthorizationManagementClient sdk() {
    return sdk;
  }

  /**
   * Makes one call, retrying transient failures. Lists must be read completely inside {@code call}, since
   * the SDK's pages are fetched lazily.
   *
   * @throws dev.jitelevate.core.ElevationException for every failure, with ARM's code and request id
   */
  <T> T call(String operation, Supplier<T> call) {
    try {
      return retry.call(operation, call, ArmFailures::classify);
    } catch (RuntimeException e) {
      throw ArmFailures.translate(operation, e);
    }
  }

  /**
   * Reads the caller's effective permissions at a scope ({@code {scope}/providers/Microsoft.Authorization/permissions}).
   * The SDK offers this only for resource groups and resources of its own subscription; the REST call works
   * for every scope, so it goes through the same pipeline directly.
   */
  List<Permission> permissions(String scope) {
    return call("permissions.list", () -> {
      List<Permission> all = new ArrayList<>();
      eachPage(endpoint + scope + "/providers/Microsoft.Authorization/permissions?api-version=" + PERMISSIONS_API,
          ArmClient::tree, page -> page.path("nextLink").isTextual() ? page.path("nextLink").asText() : null,
          page -> page.path("value").forEach(p -> all.add(Permission.of(p))));
      return all;
    });
  }

  /**
   * Reads every page of a list with an OData {@code $filter} that the SDK's method for it does not take (the
   * service honours it; its REST spec does not name it), each page parsed by the SDK's own list model, so the
   * items are the SDK's types as they are everywhere else.
   *
   * @param path the list's path from the endpoint, e.g. {@code {scope}/providers/Microsoft.Authorization/...}
   * @throws dev.jitelevate.core.ElevationException for every failure, with ARM's code and request id
   */
  <P, T> List<T> listFiltered(String operation, String path, String apiVersion, String filter,
      ReadValueCallback<JsonReader, P> page, Function<P, List<T>> items, Function<P, String> nextLink) {
    return call(operation, () -> {
      List<T> all = new ArrayList<>();
      eachPage(endpoint + path + "?api-version=" + apiVersion + "&$filter="
          + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"), body -> sdkModel(body, page), nextLink,
          parsed -> {
            List<T> these = items.apply(parsed);
            if (these != null) {
              all.addAll(these);
            }
          });
      return all;
    });
  }

  /**
   * GETs a list page by page: each page is parsed and handed on, then its {@code nextLink} (absent, null or
   * blank on the last page) is followed as the service gave it.
   */
  private <P> void eachPage(String firstUrl, Function<String, P> parse, Function<P, String> nextLink,
      Consumer<P> onPage) {
    for (String url = firstUrl; url != null; ) {
      P page = parse.apply(getBody(url));
      onPage.accept(page);
      String next = nextLink.apply(page);
      url = next == null || next.isBlank() ? null : next;
    }
  }

  private static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <P> P sdkModel(String body, ReadValueCallback<JsonReader, P> read) {
    try (JsonReader reader = JsonProviders.createReader(body)) {
      return read.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a GET (an empty object for none), or the service's error as the SDK would raise it. */
  private String getBody(String url) {
    try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
      String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      if (response.getStatusCode() >= 400) {
        throw new ManagementException("Status code " + response.getStatusCode() + ", " + body, response, error(body));
      }
      return body.isEmpty() ? "{}" : body;
    }
  }

  /** ARM's error envelope {@code {"error":{"code","message"}}}, when the body is one. */
  private static ManagementError error(String body) {
    try {
      JsonNode error = JSON.readTree(body.isEmpty() ? "{}" : body).path("error");
      return error.isObject() ? new ManagementError(error.path("code").asText(null), error.path("message").asText(null)) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** One entry of the permissions API: the actions of one role the caller holds (with its exclusions). */
  record Permission(List<String> actions, List<String> notActions, List<String> dataActions, List<String> notDataActions) {
    static Permission of(JsonNode node) {
      return new Permission(strings(node.path("actions")), strings(node.path("notActions")),
          strings(node.path("dataActions")), strings(node.path("notDataActions")));
    }

    private static List<String> strings(JsonNode array) {
      List<String> out = new ArrayList<>();
      array.forEach(n -> out.add(n.asText()));
      return List.copyOf(out);
    }
  }
}
