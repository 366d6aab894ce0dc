package dev.jitelevate.audit.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShipTargetTest {
  private static final String RULE = "dcr-0123456789abcdef0123456789abcdef";

  @Test
  void acceptsADataCollectionEndpointARuleIdAndACustomStream() {
    ShipTarget target = ShipTarget.of("https://dce-jit.westeurope-1.ingest.monitor.azure.com", RULE, "Custom-JitElevation");
    assertThat(target.endpoint().getHost()).isEqualTo("dce-jit.westeurope-1.ingest.monitor.azure.com");
  }

  @Test
  void refusesAnEndpointThatIsNotAnHttpsUrlNamingIt() {
    assertThatThrownBy(() -> ShipTarget.of("dce-jit.ingest.monitor.azure.com", RULE, "Custom-JitElevation"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dce-jit.ingest.monitor.azure.com' is not an https URL");
    assertThatThrownBy(() -> ShipTarget.of("http://dce", RULE, "Custom-JitElevation"))
        .hasMessageContaining("'http://dce' is not an https URL");
    assertThatThrownBy(() -> ShipTarget.of("https://bad host", RULE, "Custom-JitElevation"))
        .hasMessageContaining("is not an https URL");
  }

  @Test
  void refusesARuleNameWhereTheImmutableIdBelongs() {
    assertThatThrownBy(() -> ShipTarget.of("https://dce", "dcr-jit-elevate", "Custom-JitElevation"))
        .hasMessageContaining("'dcr-jit-elevate' is not a data collection rule's immutable id")
        .hasMessageContaining("dcr- followed by 32 hex digits");
  }

  @Test
  void refusesATableNameWhereTheStreamBelongs() {
    assertThatThrownBy(() -> ShipTarget.of("https://dce", RULE, "JitElevation_CL"))
        .hasMessageContaining("'JitElevation_CL' is not a stream name").hasMessageContaining("Custom-JitElevation");
  }
}
