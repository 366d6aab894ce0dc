package dev.jitelevate.pimconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's PIM configuration as code: assignments and role management policies, read from one YAML file
 * validated against {@code pim-config.schema.json}.
 *
 * @param breakGlass user principal names of the named break-glass accounts
 */
public record PimConfig(String file, List<String> breakGlass, List<AzureRoleAssignment> azureAssignments,
    List<AzureRolePolicy> azurePolicies) {

  public PimConfig {
    Objects.requireNonNull(file, "file");
    breakGlass = List.copyOf(breakGlass);
    azureAssignments = List.copyOf(azureAssignments);
    azurePolicies = List.copyOf(azurePolicies);
  }

  /**
   * Reads and validates a file.
   *
   * @throws PimConfigException naming the file, line and fix when it cannot be read or does not match the schema
   */
  public static PimConfig load(Path file) {
    return ConfigReader.read(file);
  }

  /**
   * Parses YAML text; {@code file} names it in errors.
   *
   * @throws PimConfigException naming the file, line and fix when it does not match the schema
   */
  public static PimConfig parse(String yaml, String file) {
    return ConfigReader.parse(yaml, file);
  }

  /** The configuration as YAML that {@link #parse} reads back. */
  public String toYaml() {
    return ConfigWriter.write(this);
  }

  /** The published JSON Schema of the file. */
  public static String schema() {
    return ConfigSchema.text();
  }
}
