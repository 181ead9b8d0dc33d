package dev.confab.client.selftest;

import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.crypto.seal.SealContext;
import dev.confab.crypto.seal.SealException;
import dev.confab.crypto.srtp.SrtpFailure;
import dev.confab.crypto.srtp.SrtpMasterKey;
import dev.confab.crypto.srtp.SrtpProfile;
import dev.confab.crypto.srtp.SrtpReceiver;
import dev.confab.crypto.srtp.SrtpSender;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The crypto layer: a chat message sealed and opened between two fresh device identities (Ed25519 signatures, X25519
 * agreement, AES-256-GCM), a tampered copy refused, and an RTP packet protected and unprotected with SRTP's
 * AEAD_AES_128_GCM. Stateless.
 */
final class CryptoCheck {
    private static final SealContext CONTEXT = new SealContext("self-test", "alice", "a1", "bob", "b1");

    private CryptoCheck() {}

    static Finding run() {
        SecureRandom random = new SecureRandom();
        DeviceIdentity sender = DeviceIdentity.generate(random);
        DeviceIdentity recipient = DeviceIdentity.generate(random);
        if (!sender.publicKeys().signatureValid()) {
            return Finding.fail("an Ed25519 signature over a fresh agreement key does not verify");
        }
        byte[] message = "Confab self-test".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = MessageSealer.seal(message, CONTEXT, sender.identity(),
                recipient.agreement().publicKeyBytes(), random);
        byte[] opened = MessageSealer.open(sealed, CONTEXT, sender.identity().publicKeyBytes(), recipient.agreement());
        if (!Arrays.equals(opened, message)) {
            return Finding.fail("a sealed message opened to different text");
        }
        sealed[sealed.length / 2] ^= 1;
        try {
            MessageSealer.open(sealed, CONTEXT, sender.identity().publicKeyBytes(), recipient.agreement());
            return Finding.fail("a tampered sealed message was accepted");
        } catch (SealException expected) {
            // the signature check caught it
        }
        String srtp = srtpRoundTrip(random);
        if (srtp != null) {
            return Finding.fail(srtp);
        }
        return Finding.ok("Ed25519 sign/verify, X25519, AES-256-GCM: a message sealed, opened, and refused when"
                + " tampered; SRTP protect/unprotect round trip (AEAD_AES_128_GCM); Bouncy Castle "
                + new BouncyCastleProvider().getVersionStr());
    }

    /** Null when an RTP packet survives protect and unprotect unchanged; else what went wrong. */
    private static String srtpRoundTrip(SecureRandom random) {
        SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        SrtpMasterKey master = new SrtpMasterKey(profile, key, salt);
        byte[] rtp = new byte[12 + 160];
        rtp[0] = (byte) 0x80;
        rtp[1] = 111;
        rtp[3] = 1;
        rtp[11] = 42;
        Arrays.fill(rtp, 12, rtp.length, (byte) 0x5a);
        SrtpSender sender = SrtpSender.create(master);
        byte[] wire = new byte[rtp.length + sender.rtpOverhead()];
        int protectedLength = sender.protectRtp(rtp, 0, rtp.length, wire, 0);
        if (protectedLength < 0) {
            return "SRTP could not protect a packet: " + SrtpFailure.of(protectedLength);
        }
        byte[] clear = new byte[protectedLength];
        int clearLength = SrtpReceiver.create(master).unprotectRtp(wire, 0, protectedLength, clear, 0);
        if (clearLength != rtp.length || !Arrays.equals(clear, 0, clearLength, rtp, 0, rtp.length)) {
            return "an SRTP packet did not unprotect to what was protected ("
                    + (clearLength < 0 ? SrtpFailure.of(clearLength) : clearLength + " bytes") + ")";
        }
        return null;
    }
}
