package dev.jitelevate.pimconfig;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;

/**
 * The live tenant as plan, import and apply see it: ARM (role definitions, PIM schedules and requests, policies)
 * and Microsoft Graph (principals by name). Reading needs {@code Microsoft.Authorization/*}{@code /read} at the
 * managed scopes and {@code Directory.Read.All}; apply needs {@code roleEligibilityScheduleRequests/write},
 * {@code roleAssignmentScheduleRequests/write} and {@code roleManagementPolicies/write}.
 */
public final class PimTenant {
  private final AzureRoles azureRoles;
  private final Directory directory;

  private PimTenant(AzureRoles azureRoles, Directory directory) {
    this.azureRoles = azureRoles;
    this.directory = directory;
  }

  /** The tenant of a cloud, as the credential's identity sees it. */
  public static PimTenant connect(CloudProfile cloud, CredentialSource credentials) {
    HttpClient http = TrustedHttp.forCloud(cloud);
    TokenCredential credential = credentials.newCredential();
    RestClient arm = new RestClient(http, credential, cloud.resourceManagerAudience(), cloud.resourceManagerEndpoint().toString());
    String graphBase = cloud.graphEndpoint().toString();
    RestClient graph = new RestClient(http, credential, cloud.graphAudience(),
        (graphBase.endsWith("/") ? graphBase : graphBase + "/") + "v1.0");
    return new PimTenant(new AzureRoles(arm), new Directory(graph));
  }

  AzureRoles azureRoles() {
    return azureRoles;
  }

  Directory directory() {
    return directory;
  }
}
