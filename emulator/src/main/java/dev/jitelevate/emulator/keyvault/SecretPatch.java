package dev.jitelevate.emulator.keyvault;

import java.util.Map;

/**
 * The optional fields of a set or update body; null means "not given".
 *
 * @param contentType {@code contentType}
 * @param tags {@code tags}
 * @param enabled {@code attributes.enabled}
 * @param notBefore {@code attributes.nbf}, epoch seconds
 * @param expires {@code attributes.exp}, epoch seconds
 */
record SecretPatch(String contentType, Map<String, String> tags, Boolean enabled, Long notBefore, Long expires) {}
