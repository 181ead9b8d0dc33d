package dev.confab.client.core.calls;

import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.crypto.binding.BindingException;
import dev.confab.crypto.binding.BindingRole;
import dev.confab.crypto.binding.FingerprintStatement;
import dev.confab.crypto.binding.SignedFingerprintStatement;
import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.media.call.CallNegotiationException;
import dev.confab.media.call.CallSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The identity binding of every call: this device signs each SDP it sends (the call id, both user ids, whether it is
 * an offer or an answer, and its certificate's fingerprint) with its Ed25519 identity key, and checks the peer's
 * statement against the identity key it pinned for the peer's device, and the statement's fingerprint against the
 * one in the peer's SDP, before that SDP reaches the media engine.
 *
 * <p>Thread-safe; {@link #verify} may fetch the peer's keys (network I/O) when its device is not pinned yet.
 */
final class FingerprintBinding {
    private final KeyDirectory keys;
    private final Supplier<IdentityKeyPair> identity;

    FingerprintBinding(KeyDirectory keys, Supplier<IdentityKeyPair> identity) {
        this.keys = keys;
        this.identity = identity;
    }

    /** The {@code signature} field for an SDP of ours with {@code fingerprint}. */
    String sign(CallParties parties, BindingRole role, CertificateFingerprint fingerprint) {
        return new FingerprintStatement(parties.callId(), parties.callerUserId(), parties.calleeUserId(), role,
                fingerprint).sign(identity.get()).encode();
    }

    /**
     * Checks the peer's {@code signature} over the fingerprint in {@code sdp}.
     *
     * @throws EndCall with {@link EndReason#IDENTITY_MISMATCH} when the statement does not verify or its fingerprint
     *                 is not the SDP's, {@link EndReason#UNTRUSTED_KEY} when the peer's device key waits for the
     *                 user's decision, {@link EndReason#FAILED} when the SDP names no fingerprint
     */
    void verify(CallParties parties, String peerUserId, String peerDeviceId, BindingRole role, String sdp,
            String signature) throws EndCall {
        CertificateFingerprint inSdp = fingerprintOf(sdp);
        PinnedDevice pinned = pinned(peerUserId, peerDeviceId).orElseThrow(() -> new EndCall(
                EndReason.IDENTITY_MISMATCH, "no identity key is known for device " + peerDeviceId));
        if (!pinned.active() || pinned.trust().needsDecision()) {
            throw new EndCall(EndReason.UNTRUSTED_KEY, "device " + peerDeviceId + " is " + pinned.trust()
                    + (pinned.active() ? "" : " and removed"));
        }
        try {
            SignedFingerprintStatement.decode(signature).verify(pinned.keys().identityKey(),
                    new FingerprintStatement(parties.callId(), parties.callerUserId(), parties.calleeUserId(), role,
                            inSdp));
        } catch (BindingException e) {
            throw new EndCall(EndReason.IDENTITY_MISMATCH, e.getMessage());
        }
    }

    static CertificateFingerprint fingerprintOf(String sdp) throws EndCall {
        try {
            return CallSession.fingerprintOf(sdp);
        } catch (CallNegotiationException e) {
            throw new EndCall(EndReason.FAILED, e.getMessage());
        }
    }

    private Optional<PinnedDevice> pinned(String userId, String deviceId) throws EndCall {
        Optional<PinnedDevice> pinned = keys.device(userId, deviceId);
        if (pinned.isPresent()) {
            return pinned;
        }
        try {
            keys.refresh(userId);
        } catch (ApiException e) {
            throw new EndCall(e.unreachable() ? EndReason.OFFLINE : EndReason.FAILED,
                    "the peer's keys could not be fetched: " + e.getMessage());
        }
        return keys.device(userId, deviceId);
    }
}
