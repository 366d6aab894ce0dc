package dev.jitelevate.runner.doctor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A broker set-up as read from Entra and Azure: the broker's federated credentials, service principal, role
 * assignments and Graph application permissions, and each workload identity's federated credentials.
 *
 * @param brokerAppId the broker's application (client) id
 * @param brokerObjectId the broker service principal's object id
 * @param brokerCredentials the broker's federated credentials
 * @param workloadCredentials each workload identity's (by app id) federated credentials
 * @param brokerAssignments the broker's Azure role assignments in the subscriptions read
 * @param brokerGraphPermissions the ids of the Microsoft Graph application permissions granted to the broker
 * @param policyRoleIds the policy's azure-role roles by name or id as written, resolved to role definition ids
 *     (lower case); a role missing here is not a role definition of the subscription
 */
record SetUp(String brokerAppId, String brokerObjectId, List<FederatedCredential> brokerCredentials,
    Map<String, List<FederatedCredential>> workloadCredentials, List<BrokerRoleAssignment> brokerAssignments,
    Set<String> brokerGraphPermissions, Map<String, String> policyRoleIds) {
  SetUp {
    brokerCredentials = List.copyOf(brokerCredentials);
    workloadCredentials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workloadCredentials));
    brokerAssignments = List.copyOf(brokerAssignments);
    brokerGraphPermissions = Set.copyOf(brokerGraphPermissions);
    policyRoleIds = Map.copyOf(policyRoleIds);
  }
}
