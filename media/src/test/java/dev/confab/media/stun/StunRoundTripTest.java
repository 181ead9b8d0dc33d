package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every attribute and message class survives encode then decode, signed and fingerprinted, over IPv4 and IPv6. */
class StunRoundTripTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(5769);

    static Stream<StunAttribute> attributes() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 3478);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 65535);
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("::ffff:192.0.2.9"), 9);
        return Stream.of(
                new MappedAddress(v4), new MappedAddress(v6), new XorMappedAddress(v4), new XorMappedAddress(v6),
                new XorMappedAddress(mapped), new AlternateServer(v6), new XorPeerAddress(v4),
                new XorRelayedAddress(v6), new Username("ufragA:ufragB"), new Realm("confab.test"),
                new Nonce("n0nce/with+base64="), new Software("Confab \u00e9t\u00e9"), new ErrorCode(438, "Stale Nonce"),
                new ErrorCode(401, ""), new UnknownAttributes(List.of(0x0031, 0x7fff, 0x0001)), new Priority(0xffff_ffffL),
                new UseCandidate(), new IceControlled(Long.MIN_VALUE), new IceControlling(-1L), new ChannelNumber(0x4fff),
                new Lifetime(600), new Data(new byte[] {1, 2, 3, 4, 5}), new Data(new byte[0]), RequestedTransport.UDP,
                new DontFragment(), new RawAttribute(0x7777, new byte[] {9, 8, 7}), new RawAttribute(0xc001, new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("attributes")
    void anAttributeDecodesToItself(StunAttribute attribute) {
        StunMessage message = StunMessage.request(StunMethod.ALLOCATE, TransactionId.random(RANDOM), attribute);
        byte[] wire = message.encode(IntegrityKey.shortTerm("pass"), true);

        StunMessage back = StunRfcVectorsTest.decoded(wire);
        assertThat(back.attributes().getFirst()).isEqualTo(attribute);
        assertThat(back.attributes()).hasSize(3);
        assertThat(back.verifyIntegrity(IntegrityKey.shortTerm("pass"))).isEqualTo(IntegrityVerdict.VALID);
        assertThat(wire.length % 4).isZero();
    }

    @ParameterizedTest
    @EnumSource(StunClass.class)
    void methodAndClassBitsSurviveForEveryClass(StunClass messageClass) {
        for (int code : new int[] {0x001, 0x003, 0x009, 0x0ff, 0xfff}) {
            StunMessage message =
                    StunMessage.of(new StunMethod(code), messageClass, TransactionId.random(RANDOM), List.of());
            StunMessage back = StunRfcVectorsTest.decoded(message.encode(true));
            assertThat(back.method()).isEqualTo(message.method());
            assertThat(back.messageClass()).isEqualTo(messageClass);
            assertThat(back.transactionId()).isEqualTo(message.transactionId());
        }
    }

    @Test
    void messageTypesAreThoseOfRfc8656() {
        TransactionId id = TransactionId.random(RANDOM);
        assertThat(StunMessage.request(StunMethod.ALLOCATE, id).encode()).startsWith(0x00, 0x03);
        assertThat(StunMessage.request(StunMethod.ALLOCATE, id).errorResponse(new ErrorCode(401, "")).encode())
                .startsWith(0x01, 0x13);
        assertThat(StunMessage.indication(StunMethod.SEND, id).encode()).startsWith(0x00, 0x16);
        assertThat(StunMessage.indication(StunMethod.DATA, id).encode()).startsWith(0x00, 0x17);
        assertThat(StunMessage.request(StunMethod.BINDING, id).successResponse().encode()).startsWith(0x01, 0x01);
    }

    @Test
    void sha256IntegrityVerifiesAndRejectsAnotherKey() {
        IntegrityKey key = IntegrityKey.shortTerm("secret").signingWith(IntegrityKey.Algorithm.HMAC_SHA256);
        byte[] wire = StunMessage.request(StunMethod.BINDING, TransactionId.random(RANDOM), new Priority(1))
                .encode(key, true);

        StunMessage back = StunRfcVectorsTest.decoded(wire);
        assertThat(back.attribute(MessageIntegritySha256.class)).isPresent();
        assertThat(back.attribute(MessageIntegrity.class)).isEmpty();
        assertThat(back.verifyIntegrity(key)).isEqualTo(IntegrityVerdict.VALID);
        assertThat(back.verifyIntegrity(IntegrityKey.shortTerm("Secret"))).isEqualTo(IntegrityVerdict.INVALID);
    }

    @Test
    void aMessageWithoutIntegrityIsAbsentAndABuiltOneCannotBeVerified() {
        StunMessage built = StunMessage.request(StunMethod.BINDING, TransactionId.random(RANDOM));
        assertThat(StunRfcVectorsTest.decoded(built.encode(true)).verifyIntegrity(IntegrityKey.shortTerm("x")))
                .isEqualTo(IntegrityVerdict.ABSENT);
        assertThatThrownBy(() -> built.verifyIntegrity(IntegrityKey.shortTerm("x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void attributesAfterIntegrityAreIgnoredButFingerprintIsKept() {
        byte[] signed = StunMessage.request(StunMethod.BINDING, TransactionId.random(RANDOM), new Priority(7))
                .encode(IntegrityKey.shortTerm("k"), false);
        // Append USE-CANDIDATE after MESSAGE-INTEGRITY: an on-path attacker could, and it must not count.
        byte[] tampered = java.util.Arrays.copyOf(signed, signed.length + 4);
        WireBytes.put16(tampered, signed.length, UseCandidate.TYPE);
        WireBytes.put16(tampered, 2, tampered.length - StunMessage.HEADER_SIZE);

        StunMessage back = StunRfcVectorsTest.decoded(tampered);
        assertThat(back.attribute(UseCandidate.class)).isEmpty();
        assertThat(back.verifyIntegrity(IntegrityKey.shortTerm("k"))).isEqualTo(IntegrityVerdict.VALID);
    }

    @Test
    void unknownComprehensionRequiredTypesAreReported() {
        StunMessage message = StunMessage.request(StunMethod.BINDING, TransactionId.random(RANDOM),
                new RawAttribute(0x0033, new byte[] {1}), new RawAttribute(0x8033, new byte[] {2}));
        assertThat(StunRfcVectorsTest.decoded(message.encode()).unknownComprehensionRequired()).containsExactly(0x0033);
    }

    @Test
    void integrityAndFingerprintInTheListAreComputedNotCopied() {
        StunMessage decoded = StunRfcVectorsTest.decoded(Rfc5769.REQUEST);
        byte[] plain = decoded.encode();
        StunMessage back = StunRfcVectorsTest.decoded(plain);
        assertThat(back.attribute(MessageIntegrity.class)).isEmpty();
        assertThat(back.attribute(Fingerprint.class)).isEmpty();
        assertThat(back.attributes()).hasSize(4);
    }

    @Test
    void oversizeMessagesAndValuesAreRefusedWhenBuilt() {
        StunMessage huge =
                StunMessage.indication(StunMethod.SEND, TransactionId.random(RANDOM), new Data(new byte[65_533]));
        assertThatThrownBy(huge::encode).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Username("u".repeat(514))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErrorCode(200, "OK")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XorPeerAddress(InetSocketAddress.createUnresolved("example.org", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
