package dev.jitelevate.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** The published activation-record schema, for tests that check a record against it. */
public final class RecordSchema {
  private static final JsonSchema SCHEMA = load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordSchema() {}

  /** The record's JSON checked against the schema: the violations, empty when valid. */
  public static Set<ValidationMessage> errors(ActivationRecord record) {
    try {
      return SCHEMA.validate(JSON.readTree(ActivationRecords.toJson(record)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A record's JSON as written (a file, an output) checked against the schema: the violations, empty when valid. */
  public static Set<ValidationMessage> errorsInJson(String json) {
    try {
      return SCHEMA.validate(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonSchema load() {
    try (InputStream schema = ActivationRecords.class.getResourceAsStream(ActivationRecords.SCHEMA_RESOURCE)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
