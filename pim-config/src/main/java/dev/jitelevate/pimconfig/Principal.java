package dev.jitelevate.pimconfig;

/**
 * A directory object an assignment or approval names.
 *
 * @param type {@code User}, {@code Group} or {@code ServicePrincipal} (ARM's spelling)
 * @param name how the file names it: a group's display name, a user's principal name, else the object id
 */
record Principal(String id, String type, String name) {
  boolean isUser() {
    return type.equals("User");
  }
}
