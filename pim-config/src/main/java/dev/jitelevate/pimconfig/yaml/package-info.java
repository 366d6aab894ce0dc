/**
 * YAML files with line numbers and JSON Schema validation whose errors name the line: shared by the PIM
 * configuration and the broker policy, so both report "file:line: problem fix" the same way.
 */
package dev.jitelevate.pimconfig.yaml;
