package dev.jitelevate.runner.approvals;

import java.util.Locale;

/** Where a request waits for approval: an Azure role (ARM) or PIM for Groups (Graph). */
public enum Surface {
  AZURE_ROLE, GROUP;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
