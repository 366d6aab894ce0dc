package dev.jitelevate.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The runner's one configured Jackson mapper: every JSON the action and the CLI read or write (OIDC and GitHub
 * payloads, ARM and Graph bodies, {@code --json} documents, the elevation file) goes through it. Thread-safe.
 */
public final class RunnerJson {
  /** Reads and writes compact JSON. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();
  /** Writes indented JSON, for documents people read ({@code --json}, summaries, the elevation file). */
  public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private RunnerJson() {}
}
