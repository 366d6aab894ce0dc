package dev.jitelevate.runner.cli;

import java.util.Locale;

/** What {@code --target} names: an Azure role at a scope, an Entra directory role, or PIM-for-Groups access. */
public enum TargetKind {
  AZURE_ROLE, DIRECTORY_ROLE, GROUP;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TargetKind parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TargetKind k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a target. Use azure-role, directory-role or group.");
  }
}
