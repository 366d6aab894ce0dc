package dev.jitelevate.core.internal.gateway.graph;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The directory roles with which a signed-in user reads every PIM schedule, instance and request of the directory
 * (Microsoft Graph docs, "least privileged roles" for reads: Global Reader, Security Operator, Security Reader,
 * Security Administrator, Privileged Role Administrator; Global Administrator includes them). Without one, Graph
 * answers a plain list with 403 and the user reads its own through {@code filterByCurrentUser(on='principal')}.
 */
final class AdminReaders {
  private static final Set<String> TEMPLATE_IDS = Set.of(
      "f2ef992c-3afb-46b9-b7cf-a126ee74c451", // Global Reader
      "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", // Security Operator
      "5d6b6bb7-de71-4623-b4af-96380a352509", // Security Reader
      "194ae4cb-b126-40b2-bd5b-6091b380977d", // Security Administrator
      "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
      "62e90394-69f5-4237-9190-012177145e10"); // Global Administrator

  private AdminReaders() {}

  /** Whether the token's {@code wids} hold one of the reader roles. */
  static boolean any(List<String> wids) {
    return wids.stream().anyMatch(w -> TEMPLATE_IDS.contains(w.toLowerCase(Locale.ROOT)));
  }
}
