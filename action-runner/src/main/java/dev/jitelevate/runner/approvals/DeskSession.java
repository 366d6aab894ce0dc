package dev.jitelevate.runner.approvals;

import com.azure.core.credential.TokenCredential;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.runner.cli.SignIn;

/** The approver's desk over one sign-in: one credential for ARM and Graph, so one prompt per command. */
final class DeskSession {
  private final RestCalls arm;
  private final RestCalls graph;

  DeskSession(SignIn signIn) {
    CloudProfile cloud = signIn.cloud();
    SdkHttp http = SdkHttp.forCloud(cloud);
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
