package dev.jitelevate.runner.approvals;

import com.azure.core.credential.TokenCredential;
import dev.jitelevate.core.CloudProfile;
import com.azure.core.http.HttpClient;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.runner.cli.SignIn;

/** The approver's desk over one sign-in: one credential for ARM and Graph, so one prompt per command. */
final class DeskSession {
  private final RestCalls arm;
  private final RestCalls graph;

  DeskSession(SignIn signIn) {
    CloudProfile cloud = signIn.cloud();
    HttpClient http = CloudHttp.azureHttpClient(cloud);
    TokenCredential me = signIn.identity().newCredential();
    this.arm = new RestCalls(http, me, cloud.resourceManagerEndpoint(), cloud.resourceManagerAudience());
    this.graph = new RestCalls(http, me, cloud.graphEndpoint(), cloud.graphAudience());
  }

  ApprovalDesk desk() {
    return new ApprovalDesk(arm, graph);
  }

  /** The signed-in approver's object id. */
  String approverId() {
    return graph.get("v1.0/me").path("id").asText();
  }
}
