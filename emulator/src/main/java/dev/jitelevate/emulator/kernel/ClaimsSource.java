package dev.jitelevate.emulator.kernel;

import java.util.Set;

/**
 * What a token issued now says about a principal's directory roles and groups. Provided by the Graph
 * surface (standing plus PIM-activated assignments); the Entra surface snapshots it into each token.
 */
public interface ClaimsSource {

  /** Directory role template ids the principal holds right now (the {@code wids} claim). */
  Set<String> directoryRoleTemplateIds(String principalId);

  /** Group ids the principal is a member of right now, standing or through PIM for Groups (the {@code groups} claim). */
  Set<String> groupIds(String principalId);
}
