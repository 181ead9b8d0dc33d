package dev.confab.crypto.identity;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Everything secret a device holds about itself: its {@link IdentityKeyPair}, its {@link AgreementKeyPair}, and
 * the identity key's signature over the agreement public key (see {@link PublicDeviceKeys} for the signed
 * message). The client keeps the two private keys in its encrypted store and {@link #restore}s from them.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DeviceIdentity {

    private final IdentityKeyPair identity;
    private final AgreementKeyPair agreement;
    private final byte[] agreementKeySignature;

    private DeviceIdentity(IdentityKeyPair identity, AgreementKeyPair agreement) {
        this.identity = identity;
        this.agreement = agreement;
        this.agreementKeySignature = identity.sign(PublicDeviceKeys.signedMessage(agreement.publicKeyBytes()));
    }

    /** Makes a new identity key pair and agreement key pair, and signs the latter with the former. */
    public static DeviceIdentity generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new DeviceIdentity(IdentityKeyPair.generate(random), AgreementKeyPair.generate(random));
    }

    /**
     * Rebuilds an identity from its two private keys. Ed25519 signing is deterministic, so the signature is the
     * same one {@link #generate} made.
     *
     * @throws IllegalArgumentException if either key is not 32 bytes
     */
    public static DeviceIdentity restore(byte[] identityPrivate, byte[] agreementPrivate) {
        return new DeviceIdentity(
                IdentityKeyPair.fromPrivateKeyBytes(identityPrivate),
                AgreementKeyPair.fromPrivateKeyBytes(agreementPrivate));
    }

    /** The Ed25519 identity key pair. */
    public IdentityKeyPair identity() {
        return identity;
    }

    /** The X25519 agreement key pair that sealed messages to this device are addressed to. */
    public AgreementKeyPair agreement() {
        return agreement;
    }

    /** The identity key's 64-byte signature over the agreement public key. A copy. */
    public byte[] agreementKeySignature() {
        return agreementKeySignature.clone();
    }

    /** What this device publishes to the server. */
    public PublicDeviceKeys publicKeys() {
        return new PublicDeviceKeys(identity.publicKeyBytes(), agreement.publicKeyBytes(), agreementKeySignature);
    }
}
