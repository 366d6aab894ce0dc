package dev.jitelevate.runner.approvals;

import java.util.Locale;

/** Where a request waits for approval: an Azure role (ARM), an Entra directory role or PIM for Groups (Graph). */
public enum Surface {
  AZURE_ROLE, DIRECTORY_ROLE, GROUP;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
