/**
 * Activation records for security teams: {@link dev.jitelevate.audit.Records} reads them from files and
 * folders, reporting the files it cannot read instead of dropping them.
 *
 * <pre>{@code
 * Records.RecordSet set = Records.read(List.of(Path.of("records/")));   // *.json, recursively
 * for (Records.Loaded loaded : set.records()) {
 *   ActivationRecord record = loaded.record();
 *   System.out.printf("%s %s %s%n", record.principal().id(), record.outcome(), record.revocation().status());
 * }
 * for (Records.Skipped skipped : set.skipped()) {
 *   System.err.println(skipped.file() + ": " + skipped.reason());   // never silently dropped
 * }
 * }</pre>
 */
package dev.jitelevate.audit;
