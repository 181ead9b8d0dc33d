package dev.confab.crypto.dtls;

import dev.confab.crypto.srtp.SrtpProfile;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts one side of a DTLS-SRTP association uses, split from the RFC 5764 exporter
 * (section 4.2) by role: {@code local} protects what this side sends, {@code remote} unprotects what it receives.
 * The client's local key is the server's remote key and the other way round.
 *
 * <p>Immutable: every accessor returns a copy. {@link #toString()} does not show key material. Safe to share
 * between threads.
 */
public final class DtlsSrtpKeys {

    /** The RFC 5764 section 4.2 exporter label. */
    static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    private final SrtpProfile profile;
    private final byte[] localKey;
    private final byte[] localSalt;
    private final byte[] remoteKey;
    private final byte[] remoteSalt;

    private DtlsSrtpKeys(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey,
            byte[] remoteSalt) {
        this.profile = profile;
        this.localKey = localKey;
        this.localSalt = localSalt;
        this.remoteKey = remoteKey;
        this.remoteSalt = remoteSalt;
    }

    /**
     * Splits exporter output laid out as client key, server key, client salt, server salt (RFC 5764 section 4.2).
     *
     * @param exported {@code 2 * (keyLength + saltLength)} bytes of {@link #EXPORTER_LABEL} output
     * @param role     this side's role, which picks the local half
     */
    static DtlsSrtpKeys fromExporter(SrtpProfile profile, byte[] exported, DtlsRole role) {
        Objects.requireNonNull(profile, "profile");
        int key = profile.keyLength();
        int salt = profile.saltLength();
        if (exported.length != exporterLength(profile)) {
            throw new IllegalArgumentException("exporter output must be " + exporterLength(profile) + " bytes");
        }
        byte[] clientKey = Arrays.copyOfRange(exported, 0, key);
        byte[] serverKey = Arrays.copyOfRange(exported, key, 2 * key);
        byte[] clientSalt = Arrays.copyOfRange(exported, 2 * key, 2 * key + salt);
        byte[] serverSalt = Arrays.copyOfRange(exported, 2 * key + salt, 2 * key + 2 * salt);
        return role == DtlsRole.CLIENT
                ? new DtlsSrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new DtlsSrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    /** How many exporter bytes a profile needs. */
    static int exporterLength(SrtpProfile profile) {
        return 2 * (profile.keyLength() + profile.saltLength());
    }

    /** The negotiated protection profile. */
    public SrtpProfile profile() {
        return profile;
    }

    /** Master key for what this side sends. */
    public byte[] localKey() {
        return localKey.clone();
    }

    /** Master salt for what this side sends. */
    public byte[] localSalt() {
        return localSalt.clone();
    }

    /** Master key for what this side receives. */
    public byte[] remoteKey() {
        return remoteKey.clone();
    }

    /** Master salt for what this side receives. */
    public byte[] remoteSalt() {
        return remoteSalt.clone();
    }

    @Override
    public String toString() {
        return "DtlsSrtpKeys[" + profile + ", keys hidden]";
    }
}
