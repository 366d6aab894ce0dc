package dev.jitelevate.pimconfig;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;

/**
 * The live tenant as plan, import and apply see it: ARM (role definitions, PIM schedules and requests, policies)
 * and Microsoft Graph (principals by name; directory roles and PIM for Groups: schedules, requests, policies).
 * Reading needs {@code Microsoft.Authorization/*}{@code /read} at the managed scopes and {@code Directory.Read.All};
 * apply needs {@code roleEligibilityScheduleRequests/write}, {@code roleAssignmentScheduleRequests/write} and
 * {@code roleManagementPolicies/write}. The Graph surfaces need {@code RoleManagement.ReadWrite.Directory},
 * {@code RoleManagementPolicy.ReadWrite.Directory}, {@code PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup},
 * {@code PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup} and {@code RoleManagementPolicy.ReadWrite.AzureADGroup}
 * (their {@code Read} forms to plan).
 */
public final class PimTenant {
  private final AzureRoles azureRoles;
  private final Directory directory;
  private final GraphPim graphPim;

  private PimTenant(AzureRoles azureRoles, Directory directory, GraphPim graphPim) {
    this.azureRoles = azureRoles;
    this.directory = directory;
    this.graphPim = graphPim;
  }

  /** The tenant of a cloud, as the credential's identity sees it. */
  public static PimTenant connect(CloudProfile cloud, CredentialSource credentials) {
    HttpClient http = TrustedHttp.forCloud(cloud);
    TokenCredential credential = credentials.newCredential();
    RestClient arm = new RestClient(http, credential, cloud.resourceManagerAudience(), cloud.resourceManagerEndpoint().toString());
    String graphBase = cloud.graphEndpoint().toString();
    RestClient graph = new RestClient(http, credential, cloud.graphAudience(),
        (graphBase.endsWith("/") ? graphBase : graphBase + "/") + "v1.0");
    return new PimTenant(new AzureRoles(arm), new Directory(graph), new GraphPim(graph));
  }

  AzureRoles azureRoles() {
    return azureRoles;
  }

  GraphPim graphPim() {
    return graphPim;
  }

  Directory directory() {
    return directory;
  }
}
