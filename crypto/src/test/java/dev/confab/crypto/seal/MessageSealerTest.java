package dev.confab.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.crypto.CryptoException;
import dev.confab.crypto.identity.AgreementKeyPair;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.crypto.kdf.Hkdf;
import dev.confab.crypto.seal.SealException.Reason;
import dev.confab.testkit.TestRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSealerTest {

    private static final byte[] PLAINTEXT = "meet at noon".getBytes(StandardCharsets.UTF_8);
    private static final SealContext CONTEXT = new SealContext("msg-1", "alice", "alice-laptop", "bob", "bob-phone");

    private final DeviceIdentity alice = DeviceIdentity.generate(TestRandom.seeded(1));
    private final DeviceIdentity bobPhone = DeviceIdentity.generate(TestRandom.seeded(2));
    private final DeviceIdentity bobTablet = DeviceIdentity.generate(TestRandom.seeded(3));
    private final DeviceIdentity mallory = DeviceIdentity.generate(TestRandom.seeded(4));
    private final SecureRandom random = TestRandom.seeded(5);

    @Test
    void roundTrip() {
        byte[] sealed = sealToBobPhone(PLAINTEXT);

        assertThat(sealed).hasSize(PLAINTEXT.length + MessageSealer.OVERHEAD);
        assertThat(openAsBobPhone(sealed, CONTEXT)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripOfEmptyAndLargestPlaintexts() {
        byte[] largest = new byte[MessageSealer.MAX_PLAINTEXT_LENGTH];
        random.nextBytes(largest);

        assertThat(openAsBobPhone(sealToBobPhone(new byte[0]), CONTEXT)).isEmpty();
        assertThat(openAsBobPhone(sealToBobPhone(largest), CONTEXT)).isEqualTo(largest);
    }

    @Test
    void everyMessageHasItsOwnEphemeralKey() {
        byte[] first = sealToBobPhone(PLAINTEXT);
        byte[] second = sealToBobPhone(PLAINTEXT);

        assertThat(Arrays.copyOfRange(second, 1, 33)).isNotEqualTo(Arrays.copyOfRange(first, 1, 33));
    }

    @Test
    void sameRandomnessGivesTheSameEnvelope() {
        byte[] first = MessageSealer.seal(PLAINTEXT, CONTEXT, alice.identity(),
                bobPhone.agreement().publicKeyBytes(), TestRandom.seeded(6));
        byte[] second = MessageSealer.seal(PLAINTEXT, CONTEXT, alice.identity(),
                bobPhone.agreement().publicKeyBytes(), TestRandom.seeded(6));

        assertThat(second).isEqualTo(first);
    }

    /** Opens an envelope by following the class Javadoc step by step, so the documented format is the real one. */
    @Test
    void wireFormatIsAsDocumented() throws Exception {
        byte[] sealed = sealToBobPhone(PLAINTEXT);
        byte[] header = Arrays.copyOfRange(sealed, 0, 33);
        byte[] ephemeralPublic = Arrays.copyOfRange(sealed, 1, 33);
        byte[] ciphertext = Arrays.copyOfRange(sealed, 33, sealed.length - 64);
        byte[] signature = Arrays.copyOfRange(sealed, sealed.length - 64, sealed.length);
        byte[] context = CONTEXT.encoded();
        byte[] recipientPublic = bobPhone.agreement().publicKeyBytes();

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(IdentityKeyPair.verify(
                        alice.identity().publicKeyBytes(), concat(context, header, ciphertext), signature))
                .isTrue();
        byte[] okm = Hkdf.derive(concat(ephemeralPublic, recipientPublic),
                bobPhone.agreement().agree(ephemeralPublic), context, 44);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(okm, 0, 32, "AES"), new GCMParameterSpec(128, okm, 32, 12));
        gcm.updateAAD(concat(header, context));
        assertThat(gcm.doFinal(ciphertext)).isEqualTo(PLAINTEXT);
    }

    /** The signature covers every byte after the version, and is checked before decryption. */
    @Test
    void aChangedByteAnywhereIsRejected() {
        byte[] sealed = sealToBobPhone(PLAINTEXT);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);

                Reason expected = i == 0 ? Reason.UNSUPPORTED_VERSION : Reason.BAD_SIGNATURE;
                assertThat(openFailure(tampered, CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                        .as("byte %d, bit %d", i, bit)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void replayUnderAnotherMessageIdIsRejected() {
        byte[] sealed = sealToBobPhone(PLAINTEXT);
        SealContext replayed = new SealContext("msg-2", "alice", "alice-laptop", "bob", "bob-phone");

        assertThat(openFailure(sealed, replayed, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    static Stream<SealContext> otherContexts() {
        return Stream.of(
                new SealContext("msg-2", "alice", "alice-laptop", "bob", "bob-phone"),
                new SealContext("msg-1", "carol", "alice-laptop", "bob", "bob-phone"),
                new SealContext("msg-1", "alice", "alice-phone", "bob", "bob-phone"),
                new SealContext("msg-1", "alice", "alice-laptop", "carol", "bob-phone"),
                new SealContext("msg-1", "alice", "alice-laptop", "bob", "bob-tablet"));
    }

    @ParameterizedTest
    @MethodSource("otherContexts")
    void anyOtherContextIsRejected(SealContext other) {
        byte[] sealed = sealToBobPhone(PLAINTEXT);

        assertThat(openFailure(sealed, other, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void misaddressedEnvelopeIsRejectedByTheOtherDevice() {
        byte[] sealed = sealToBobPhone(PLAINTEXT);
        SealContext asTabletSeesIt = new SealContext("msg-1", "alice", "alice-laptop", "bob", "bob-tablet");

        assertThat(openFailure(sealed, asTabletSeesIt, alice.identity().publicKeyBytes(), bobTablet.agreement()))
                .isEqualTo(Reason.BAD_SIGNATURE);
        // Even told the original context, the tablet lacks the phone's agreement key.
        assertThat(openFailure(sealed, CONTEXT, alice.identity().publicKeyBytes(), bobTablet.agreement()))
                .isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void envelopeSignedByAnotherIdentityIsRejected() {
        byte[] forged = MessageSealer.seal(
                PLAINTEXT, CONTEXT, mallory.identity(), bobPhone.agreement().publicKeyBytes(), random);

        assertThat(openFailure(forged, CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void emptyAndTruncatedInputIsMalformed() {
        byte[] sealed = sealToBobPhone(new byte[0]);
        for (int length = 0; length < MessageSealer.OVERHEAD; length++) {
            assertThat(openFailure(Arrays.copyOf(sealed, length), CONTEXT, alice.identity().publicKeyBytes(),
                            bobPhone.agreement()))
                    .as("first %d bytes", length)
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void overlongInputIsMalformed() {
        byte[] overlong = new byte[MessageSealer.OVERHEAD + MessageSealer.MAX_PLAINTEXT_LENGTH + 1];
        overlong[0] = MessageSealer.VERSION;

        assertThat(openFailure(overlong, CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void unknownVersionIsUnsupported() {
        for (byte version : new byte[] {0, 2, (byte) 0xff}) {
            byte[] sealed = sealToBobPhone(PLAINTEXT);
            sealed[0] = version;

            assertThat(openFailure(sealed, CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                    .as("version %d", version & 0xff)
                    .isEqualTo(Reason.UNSUPPORTED_VERSION);
        }
    }

    /** A sender who signs an envelope with a low-order ephemeral key gets a MALFORMED, not a crash. */
    @Test
    void signedEnvelopeWithLowOrderEphemeralKeyIsMalformed() {
        byte[] header = new byte[33];
        header[0] = MessageSealer.VERSION;
        byte[] ciphertext = new byte[16];
        byte[] signature = alice.identity().sign(concat(CONTEXT.encoded(), header, ciphertext));
        byte[] sealed = concat(header, ciphertext, signature);

        assertThat(openFailure(sealed, CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void exceptionCarriesItsReasonInTheMessage() {
        SealException failure = catchThrowableOfType(SealException.class,
                () -> MessageSealer.open(new byte[0], CONTEXT, alice.identity().publicKeyBytes(), bobPhone.agreement()));

        assertThat(failure).isInstanceOf(CryptoException.class).hasMessageStartingWith("MALFORMED: ");
    }

    @Test
    void sealRejectsOversizedPlaintext() {
        assertThatThrownBy(() -> sealToBobPhone(new byte[MessageSealer.MAX_PLAINTEXT_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealRejectsALowOrderRecipientKey() {
        assertThatThrownBy(() -> MessageSealer.seal(PLAINTEXT, CONTEXT, alice.identity(), new byte[32], random))
                .isInstanceOf(CryptoException.class);
    }

    private byte[] sealToBobPhone(byte[] plaintext) {
        return MessageSealer.seal(plaintext, CONTEXT, alice.identity(), bobPhone.agreement().publicKeyBytes(), random);
    }

    private byte[] openAsBobPhone(byte[] sealed, SealContext context) {
        return MessageSealer.open(sealed, context, alice.identity().publicKeyBytes(), bobPhone.agreement());
    }

    private static Reason openFailure(
            byte[] sealed, SealContext context, byte[] senderIdentity, AgreementKeyPair recipient) {
        SealException failure = catchThrowableOfType(
                SealException.class, () -> MessageSealer.open(sealed, context, senderIdentity, recipient));
        assertThat(failure).as("open should have failed").isNotNull();
        return failure.reason();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
