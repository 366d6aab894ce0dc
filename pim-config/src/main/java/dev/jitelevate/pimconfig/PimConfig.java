package dev.jitelevate.pimconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's PIM configuration as code on three surfaces (Azure roles, directory roles, PIM for Groups):
 * assignments and role management policies, read from one YAML file validated against
 * {@code pim-config.schema.json}.
 *
 * @param breakGlass user principal names of the named break-glass accounts
 */
public record PimConfig(String file, List<String> breakGlass, List<AzureRoleAssignment> azureAssignments,
    List<AzureRolePolicy> azurePolicies, List<DirectoryRoleAssignment> directoryAssignments,
    List<DirectoryRolePolicy> directoryPolicies, List<GroupAssignment> groupAssignments,
    List<GroupPolicy> groupPolicies) {

  public PimConfig {
    Objects.requireNonNull(file, "file");
    breakGlass = List.copyOf(breakGlass);
    azureAssignments = List.copyOf(azureAssignments);
    azurePolicies = List.copyOf(azurePolicies);
    directoryAssignments = List.copyOf(directoryAssignments);
    directoryPolicies = List.copyOf(directoryPolicies);
    groupAssignments = List.copyOf(groupAssignments);
    groupPolicies = List.copyOf(groupPolicies);
  }

  /** A configuration of Azure roles only. */
  public PimConfig(String file, List<String> breakGlass, List<AzureRoleAssignment> azureAssignments,
      List<AzureRolePolicy> azurePolicies) {
    this(file, breakGlass, azureAssignments, azurePolicies, List.of(), List.of(), List.of(), List.of());
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

  /** Every declared assignment, surface by surface in file order. */
  public List<AssignmentDeclaration> assignments() {
    List<AssignmentDeclaration> all = new ArrayList<>(azureAssignments);
    all.addAll(directoryAssignments);
    all.addAll(groupAssignments);
    return List.copyOf(all);
  }

  /** Every declared policy, surface by surface in file order. */
  public List<PolicyDeclaration> policies() {
    List<PolicyDeclaration> all = new ArrayList<>(azurePolicies);
    all.addAll(directoryPolicies);
    all.addAll(groupPolicies);
    return List.copyOf(all);
  }

  /** The configuration as YAML that {@link #parse} reads back. */
  public String toYaml() {
    return ConfigWriter.write(this);
  }

  /** The published JSON Schema of the file. */
  public static String schema() {
    return ConfigReader.SCHEMA.text();
  }
}
