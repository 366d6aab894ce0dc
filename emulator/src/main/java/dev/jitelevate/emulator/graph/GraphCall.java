package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Paging;
import java.util.Arrays;
import java.util.List;

/**
 * One authenticated Graph call: the API version, the path segments after it, the caller and the OData options.
 *
 * @param request the raw request
 * @param version {@code v1.0} or {@code beta}
 * @param segments non-empty path segments after the version
 * @param caller the authenticated caller
 * @param query parsed OData options
 * @param baseUrl the emulator's base URL (for {@code @odata.context} and {@code @odata.nextLink})
 * @param paging the page size of collections
 */
record GraphCall(EmulatorRequest request, String version, List<String> segments, Caller caller, ODataQuery query,
    String baseUrl, Paging paging) {

  GraphCall {
    segments = List.copyOf(segments);
  }

  static List<String> segmentsOf(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  String method() {
    return request.method();
  }

  boolean isGet() {
    return method().equals("GET");
  }

  boolean isBeta() {
    return version.equals("beta");
  }

  int size() {
    return segments.size();
  }

  /** The segment at an index, or an empty string past the end. */
  String segment(int index) {
    return index < segments.size() ? segments.get(index) : "";
  }

  boolean is(int index, String name) {
    return segment(index).equalsIgnoreCase(name);
  }

  JsonNode body() {
    return request.bodyJson();
  }

  String context(String fragment) {
    return baseUrl + version + "/$metadata#" + fragment;
  }

  EmulatorResponse entity(int status, String contextFragment, ObjectNode entity) {
    ObjectNode out = Json.object();
    out.put("@odata.context", context(contextFragment));
    out.setAll(entity);
    return EmulatorResponse.json(status, out);
  }

  /**
   * One page of a collection: at most the page size ({@code $top} when smaller), and an {@code @odata.nextLink}
   * with a {@code $skiptoken} when more items remain, as Graph pages its lists.
   */
  EmulatorResponse collection(String contextFragment, List<ObjectNode> items) {
    Paging.Page<ObjectNode> page;
    try {
      page = paging.page(items, request, query.top(), baseUrl);
    } catch (IllegalArgumentException e) {
      throw GraphException.invalidRequest(e.getMessage());
    }
    ObjectNode out = Json.object();
    out.put("@odata.context", context(contextFragment));
    page.nextLink().ifPresent(link -> out.put("@odata.nextLink", link));
    ArrayNode value = out.putArray("value");
    page.items().forEach(value::add);
    return EmulatorResponse.json(200, out);
  }

  /** Graph's answer to a path segment no route knows. */
  GraphException unknownSegment(int index) {
    return GraphException.invalidRequest("Resource not found for the segment '" + segment(index) + "'.");
  }

  GraphException methodNotAllowed() {
    return new GraphException(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request"
        + " target.");
  }
}
