package dev.jitelevate.core.keyvault;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/** A vault behind a firewall: every authenticated request gets Key Vault's 403 ForbiddenByFirewall. */
final class ForbiddenByFirewall implements HttpClient {
  static final String REQUEST_ID = "0f1e2d3c-0000-4000-8000-00000000fa11";

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    HttpHeaders headers = new HttpHeaders().set("Content-Type", "application/json").set("x-ms-request-id", REQUEST_ID);
    if (request.getHeaders().getValue("Authorization") == null) {
      headers.set("WWW-Authenticate", "Bearer authorization=\"" + InProcessKeyVault.BASE + InProcessKeyVault.TENANT
          + "\", resource=\"https://vault.azure.net\"");
      return Mono.just(response(request, 401, headers, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000\"}}"));
    }
    return Mono.just(response(request, 403, headers, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Client address is "
        + "not authorized and caller is not a trusted service.\",\"innererror\":{\"code\":\"ForbiddenByFirewall\"}}}"));
  }

  private static HttpResponse response(HttpRequest request, int status, HttpHeaders headers, String body) {
    return new InProcessKeyVault.BytesResponse(request, status, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
