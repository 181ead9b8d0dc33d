package dev.confab.media.ice;

/**
 * Which agent nominates (RFC 8445 section 6.1.1): the offerer starts CONTROLLING; a role conflict found in a check
 * (section 7.3.1.1) may swap the roles.
 */
public enum IceRole {
    CONTROLLING,
    CONTROLLED;

    /** The other role. */
    public IceRole opposite() {
        return this == CONTROLLING ? CONTROLLED : CONTROLLING;
    }
}
