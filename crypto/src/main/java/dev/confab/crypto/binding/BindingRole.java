package dev.confab.crypto.binding;

/**
 * Which SDP a fingerprint statement vouches for. It is signed, so an offer's statement cannot be replayed as an
 * answer's: in a call between two devices of the same user both sides sign with keys the other has pinned.
 */
public enum BindingRole {
    /** The statement travels with an offer (the call invite, or a renegotiation offer). */
    OFFER(1),
    /** The statement travels with an answer. */
    ANSWER(2);

    private final int code;

    BindingRole(int code) {
        this.code = code;
    }

    /** The byte this role encodes as. */
    int code() {
        return code;
    }

    /** The role a byte encodes, or null for any other byte. */
    static BindingRole fromCode(int code) {
        for (BindingRole role : values()) {
            if (role.code == code) {
                return role;
            }
        }
        return null;
    }
}
