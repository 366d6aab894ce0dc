package dev.jitelevate.core.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The core's one configured Jackson mapper: records, handles, cloud profiles and service error bodies are read
 * and written as trees with it. Immutable once built, so one instance serves every thread.
 */
public final class CoreJson {
  /** The mapper; never reconfigure it (derive a reader or writer instead). */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private CoreJson() {}

  /** A writer that pretty-prints (records and handles are read by people, too). */
  public static ObjectWriter pretty() {
    return MAPPER.writerWithDefaultPrettyPrinter();
  }
}
