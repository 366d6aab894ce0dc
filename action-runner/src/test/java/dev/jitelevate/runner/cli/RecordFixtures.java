package dev.jitelevate.runner.cli;

/** A small valid record and handle, as the core writes them. */
final class RecordFixtures {
  static final String RECORD = """
      {"schemaVersion":"1.0","requestIds":["11111111-2222-3333-4444-555555555555"],
       "principal":{"id":"c1c1c1c1-0000-4000-8000-000000000001"},
       "target":{"kind":"azure-role","roleName":"Key Vault Secrets Officer",
                 "scope":"/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app"},
       "strategy":"broker","justification":"rotate","window":{"requested":"PT30M"},
       "timeline":{"requested":"2025-01-01T10:00:00Z"},"outcome":"IN_PROGRESS",
       "revocation":{"status":"PENDING"},"retries":0,"apiCalls":7,"operation":{},"ci":{}}
      """;
  static final String HANDLE = """
      {"strategy":"broker","surface":"arm","principalId":"c1c1c1c1-0000-4000-8000-000000000001",
       "roleDefinitionId":"/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
       "scope":"/subscriptions/3f2a8c1e-9b4d-4e6f-8a2c-1d5e7f9a0b12/resourceGroups/rg-app",
       "requestId":"11111111-2222-3333-4444-555555555555","activatedAt":"2025-01-01T10:00:01Z",
       "expiresAt":"2025-01-01T10:30:01Z","createdByThisRun":true}
      """;

  private RecordFixtures() {}
}
