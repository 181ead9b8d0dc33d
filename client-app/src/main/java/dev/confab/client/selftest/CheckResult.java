package dev.confab.client.selftest;

/**
 * One line of the self-test's report: which check, and what it found. Immutable.
 *
 * @param check   the check's {@link SelfCheck#name()}
 * @param finding its finding, or the failure or timeout that stood in for one
 */
public record CheckResult(String check, Finding finding) {
    public boolean failed() {
        return finding.status() == Finding.Status.FAIL;
    }
}
