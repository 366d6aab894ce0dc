package dev.jitelevate.runner.action;

import dev.jitelevate.runner.net.ProxySettings;

/**
 * What the step's process needs before the first client is built: the runner's proxy variables in force
 * ({@link ProxySettings}), and azure-core's own logger silenced. azure-core prints on its own when the job
 * sets {@code AZURE_LOG_LEVEL} (its fallback logger, as no SLF4J backend is bundled), outside this action's
 * log and its masking. The variable wins over a system property, but not over a value put into azure-core's
 * global configuration; level 5 is "not set".
 */
final class ProcessSetup {
  static final String AZURE_LOG_LEVEL = "AZURE_LOG_LEVEL";

  private ProcessSetup() {}

  /**
   * Applies both.
   *
   * @throws ActionFailure when a proxy variable is malformed
   */
  @SuppressWarnings("deprecation") // put() is the only override that beats the environment variable
  static void apply(ActionEnvironment env) {
    com.azure.core.util.Configuration global = com.azure.core.util.Configuration.getGlobalConfiguration();
    global.put(AZURE_LOG_LEVEL, "5");
    global.put("AZURE_HTTP_LOG_DETAIL_LEVEL", "NONE");
    try {
      ProxySettings.from(env.variables()).install();
    } catch (IllegalArgumentException e) {
      throw new ActionFailure("Invalid proxy setting", UntrustedText.neutralize(e.getMessage(), 300),
          dev.jitelevate.runner.ExitCodes.USAGE);
    }
  }
}
