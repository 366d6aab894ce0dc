package dev.jitelevate.audit.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alert pack in {@code alerts/}: Sentinel scheduled rule templates whose queries name only real columns. */
class AlertPackTest {
  private static final Path ALERTS = Path.of("..", "alerts");
  private static final String OUR_TABLE = "JitElevation_CL";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, Set<String>> tables() throws IOException {
    Map<String, Set<String>> tables = new TreeMap<>();
    tables.put(OUR_TABLE, new LinkedHashSet<>(ShipFixture.tableColumns()));
    try (InputStream in = AlertPackTest.class.getResourceAsStream("/azure-table-columns.json")) {
      MAPPER.readTree(in).fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("_")) {
          Set<String> columns = new LinkedHashSet<>();
          e.getValue().forEach(c -> columns.add(c.asText()));
          tables.put(e.getKey(), columns);
        }
      });
    }
    return tables;
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(ALERTS)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static JsonNode rule(Path template) throws IOException {
    JsonNode resource = MAPPER.readTree(template.toFile()).path("resources").get(0);
    assertThat(resource.path("type").asText()).as(template.toString())
        .isEqualTo("Microsoft.OperationalInsights/workspaces/providers/alertRules");
    assertThat(resource.path("kind").asText()).as(template.toString()).isEqualTo("Scheduled");
    return resource.path("properties");
  }

  @Test
  void holdsTheSeedsFourQueriesAndOurSix() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path t : templates()) {
      names.add(rule(t).path("displayName").asText());
    }
    assertThat(names).hasSize(10).contains("Break-glass account signed in", "PIM activation approval requested",
        "PIM activation failed", "PIM role setting changed", "jit-elevate: revocation failed",
        "jit-elevate: elevation left to expire", "jit-elevate: access may persist more than an hour after revocation",
        "jit-elevate: elevation outside the repository's usual hours",
        "jit-elevate: one principal elevated more than N times a day", "jit-elevate: the broker refused an elevation");
  }

  @Test
  void everyColumnAQueryNamesExistsInItsTables() throws IOException {
    Map<String, Set<String>> tables = tables();
    for (Path template : templates()) {
      String query = rule(template).path("query").asText();
      Set<String> used = new HashSet<>();
      tables.keySet().stream().filter(query::contains).forEach(used::add);
      assertThat(used).as("%s queries no known table", template).isNotEmpty();
      Set<String> known = new HashSet<>();
      used.forEach(t -> known.addAll(tables.get(t)));
      assertThat(KqlColumns.referenced(query, tables.keySet())).as("columns of %s", template).isSubsetOf(known);
    }
  }

  @Test
  void theColumnCheckCatchesAColumnTheTableDoesNotHave() throws IOException {
    String query = "JitElevation_CL | where RevocationStatus == \"FAILED\" | project Principal, Scope, X = 1";
    assertThat(KqlColumns.referenced(query, tables().keySet())).containsExactly("RevocationStatus", "Principal", "Scope");
  }

  @Test
  void entityMappingsNameColumnsTheQueryReturns() throws IOException {
    Map<String, Set<String>> tables = tables();
    for (Path template : templates()) {
      JsonNode rule = rule(template);
      Set<String> available = new HashSet<>(KqlColumns.defined(rule.path("query").asText()));
      tables.forEach((name, columns) -> {
        if (rule.path("query").asText().contains(name)) {
          available.addAll(columns);
        }
      });
      rule.path("entityMappings").forEach(m -> m.path("fieldMappings").forEach(f ->
          assertThat(available).as(template.toString()).contains(f.path("columnName").asText())));
    }
  }

  @Test
  void everyRuleHasASeverityADescriptionAndAValidSchedule() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path template : templates()) {
      JsonNode rule = rule(template);
      assertThat(rule.path("severity").asText()).as(template.toString()).isIn("Informational", "Low", "Medium", "High");
      assertThat(rule.path("description").asText()).as(template.toString()).hasSizeGreaterThan(40);
      Duration frequency = Duration.parse(rule.path("queryFrequency").asText());
      Duration period = Duration.parse(rule.path("queryPeriod").asText());
      assertThat(frequency).isBetween(Duration.ofMinutes(5), Duration.ofDays(14));
      assertThat(period).isBetween(frequency, Duration.ofDays(14));
      String name = MAPPER.readTree(template.toFile()).path("resources").get(0).path("name").asText();
      assertThat(ids.add(name)).as("unique rule id in %s", template).isTrue();
    }
  }
}
