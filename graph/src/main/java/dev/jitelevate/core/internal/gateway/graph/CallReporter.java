package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.internal.gateway.ApiCall;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells the run about every HTTP call the Graph client makes (each retry is a call of its own), and remembers
 * the service's {@code request-id} of the calling thread's last answer for records and errors. Operations are
 * named from the path's resource segments ({@code roleAssignmentScheduleRequests.create}); ids, query strings
 * and headers never leave this class, so no filter value or token can reach a log.
 */
final class CallReporter implements Interceptor {
  private static final Pattern ID_LIKE = Pattern.compile(".*[0-9_=('-].*");

  private final Consumer<ApiCall> sink;
  private final ThreadLocal<String> lastRequestId = new ThreadLocal<>();

  CallReporter(Consumer<ApiCall> sink) {
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String operation = operationOf(request.method(), request.url().pathSegments());
    try {
      Response response = chain.proceed(request);
      Optional<String> requestId = Optional.ofNullable(response.header("request-id"))
          .or(() -> Optional.ofNullable(response.header("x-ms-request-id")));
      lastRequestId.set(requestId.orElse(null));
      sink.accept(new ApiCall(operation, response.code(), requestId));
      return response;
    } catch (IOException e) {
      lastRequestId.remove();
      sink.accept(new ApiCall(operation, 0, Optional.empty()));
      throw e;
    }
  }

  /** The service's request id of this thread's last answer, when it sent one. */
  Optional<String> lastRequestId() {
    return Optional.ofNullable(lastRequestId.get());
  }

  /** {@code POST /v1.0/.../roleAssignmentScheduleRequests/{id}/cancel} becomes {@code roleAssignmentScheduleRequests.cancel}. */
  static String operationOf(String method, java.util.List<String> segments) {
    String resource = "graph";
    String action = null;
    boolean onItem = false;
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals("v1.0") || segment.equals("beta")) {
        continue;
      }
      if (segment.startsWith("filterByCurrentUser")) {
        action = "filterByCurrentUser";
      } else if (ID_LIKE.matcher(segment).matches()) {
        onItem = true;
      } else if (onItem && segment.equals("cancel")) {
        action = segment;
      } else {
        resource = segment;
        action = null;
        onItem = false;
      }
    }
    return resource + "." + (action != null ? action : verb(method, onItem));
  }

  private static String verb(String method, boolean onItem) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET" -> onItem ? "get" : "list";
      case "POST" -> "create";
      case "PATCH" -> "update";
      case "DELETE" -> "delete";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }
}
