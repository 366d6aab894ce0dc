package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An ARM answer with a status, headers and a body, for translating failures without a server. */
final class StubResponse extends HttpResponse {
  private final int status;
  private final HttpHeaders headers;
  private final String body;

  StubResponse(int status, HttpHeaders headers, String body) {
    super(new HttpRequest(HttpMethod.PUT, "https://management.example/subscriptions/s"));
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.just(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.just(body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Mono<String> getBodyAsString() {
    return Mono.just(body);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.just(body);
  }
}
