package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import java.util.List;

/** The api-versions each family of Microsoft.Authorization endpoints accepts. */
enum ApiVersions {
  PIM("2020-10-01", "2020-10-01-preview", "2022-04-01-preview", "2024-02-01-preview", "2024-09-01-preview"),
  RBAC("2015-07-01", "2018-01-01-preview", "2022-04-01", "2022-05-01-preview"),
  APPROVALS("2021-01-01-preview");

  private final List<String> supported;

  ApiVersions(String... supported) {
    this.supported = List.of(supported);
  }

  /**
   * Checks the request's {@code api-version}.
   *
   * @throws ArmException 400 {@code MissingApiVersionParameter} or {@code InvalidApiVersionParameter}
   */
  void require(EmulatorRequest request) {
    String version = requirePresent(request);
    if (!supported.contains(version)) {
      throw ArmErrors.invalidApiVersion(version, supported);
    }
  }

  static String requirePresent(EmulatorRequest request) {
    return request.queryParam("api-version").filter(v -> !v.isBlank()).orElseThrow(ArmErrors::missingApiVersion);
  }
}
