package dev.jitelevate.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The published activation-record schema, for tests that check a record against it. */
public final class RecordSchema {
  private static final Schema SCHEMA = load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordSchema() {}

  /** The record's JSON checked against the schema: each violation as "where: what", empty when valid. */
  public static List<String> errors(ActivationRecord record) {
    return errorsInJson(ActivationRecords.toJson(record));
  }

  /** A record's JSON as written (a file, an output) checked against the schema: the violations, empty when valid. */
  public static List<String> errorsInJson(String json) {
    try {
      return SCHEMA.validate(JSON.readTree(json)).stream()
          .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema load() {
    try (InputStream schema = ActivationRecords.class.getResourceAsStream(ActivationRecords.SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
