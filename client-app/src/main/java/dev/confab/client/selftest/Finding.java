package dev.confab.client.selftest;

import java.util.Objects;

/**
 * What one {@link SelfCheck} found: its status and one sentence for people. Immutable.
 *
 * @param status ok, a warning (the machine lacks something the client can do without), or a failure
 * @param detail what was checked and found, such as library versions and device names
 */
public record Finding(Status status, String detail) {
    /** How a check went. */
    public enum Status {
        OK, WARN, FAIL
    }

    public Finding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static Finding ok(String detail) {
        return new Finding(Status.OK, detail);
    }

    public static Finding warn(String detail) {
        return new Finding(Status.WARN, detail);
    }

    public static Finding fail(String detail) {
        return new Finding(Status.FAIL, detail);
    }
}
