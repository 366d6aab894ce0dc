package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.jitelevate.core.internal.gateway.ApiCall;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/** Tells the run about every ARM call: its short name, the status and ARM's request id (never the URL). */
final class ApiCallPolicy implements HttpPipelinePolicy {
  static final String REQUEST_ID = "x-ms-request-id";

  private final Consumer<ApiCall> sink;

  ApiCallPolicy(Consumer<ApiCall> sink) {
    this.sink = sink;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    String operation = operation(context.getHttpRequest());
    return next.process()
        .doOnNext(response -> report(operation, response))
        .doOnError(e -> sink.accept(new ApiCall(operation, 0, Optional.empty())));
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    String operation = operation(context.getHttpRequest());
    try {
      HttpResponse response = next.processSync();
      report(operation, response);
      return response;
    } catch (RuntimeException e) {
      sink.accept(new ApiCall(operation, 0, Optional.empty()));
      throw e;
    }
  }

  private void report(String operation, HttpResponse response) {
    sink.accept(new ApiCall(operation, response.getStatusCode(),
        Optional.ofNullable(response.getHeaderValue(REQUEST_ID))));
  }

  private static String operation(HttpRequest request) {
    return ArmOperation.name(request.getHttpMethod().name(), request.getUrl().getPath());
  }
}
