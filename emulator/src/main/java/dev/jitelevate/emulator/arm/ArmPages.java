package dev.jitelevate.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages every ARM list ({@code {"value": [...]}}) as ARM does: at most the page size per answer and a
 * {@code nextLink} (the same URL with a {@code $skiptoken}) while more remain; the SDKs' paged iterables
 * follow it. Lists rendered by the APIs are complete; this cuts them into pages in one place.
 */
final class ArmPages {
  private ArmPages() {}

  static EmulatorResponse page(EmulatorResponse response, EmulatorRequest request, Paging paging, String baseUrl) {
    if (!request.method().equals("GET") || response.status() != 200 || response.body().length == 0) {
      return response;
    }
    JsonNode body = response.bodyJson();
    if (!(body instanceof ObjectNode list) || !(list.get("value") instanceof ArrayNode all)) {
      return response;
    }
    List<JsonNode> items = new ArrayList<>();
    all.forEach(items::add);
    Paging.Page<JsonNode> page;
    try {
      page = paging.page(items, request, Optional.empty(), baseUrl);
    } catch (IllegalArgumentException e) {
      throw new ArmException(400, "InvalidSkipToken", e.getMessage());
    }
    ObjectNode out = Json.object();
    ArrayNode value = out.putArray("value");
    page.items().forEach(value::add);
    list.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("value") && !f.getKey().equals("nextLink")) {
        out.set(f.getKey(), f.getValue());
      }
    });
    if (page.nextLink().isPresent()) {
      out.put("nextLink", page.nextLink().get());
    } else if (list.has("nextLink")) {
      out.putNull("nextLink");
    }
    EmulatorResponse paged = EmulatorResponse.json(200, out);
    for (var header : response.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Type") && !header.getKey().equalsIgnoreCase("Content-Length")) {
        paged = paged.withHeader(header.getKey(), header.getValue());
      }
    }
    return paged;
  }
}
