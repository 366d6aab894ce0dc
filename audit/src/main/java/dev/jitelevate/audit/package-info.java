/**
 * Activation records for security teams: {@link dev.jitelevate.audit.Records} reads them from files and
 * folders, reporting the files it cannot read instead of dropping them.
 */
package dev.jitelevate.audit;
