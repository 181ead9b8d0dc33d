package dev.confab.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 5769 section 2: each sample decodes to the attributes the RFC lists and its integrity and fingerprint check. */
class StunRfcVectorsTest {
    private static final TransactionId SAMPLE_ID = new TransactionId(0xb7e7a701bc34d686L, 0xfa87dfae);
    private static final IntegrityKey SHORT_TERM = IntegrityKey.shortTerm(Rfc5769.SHORT_TERM_PASSWORD);

    @Test
    void sampleRequestSection21() {
        StunMessage request = decoded(Rfc5769.REQUEST);

        assertThat(request.method()).isEqualTo(StunMethod.BINDING);
        assertThat(request.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(request.transactionId()).isEqualTo(SAMPLE_ID);
        assertThat(request.attribute(Software.class)).contains(new Software("STUN test client"));
        assertThat(request.attribute(Priority.class)).contains(new Priority(0x6e0001ffL));
        assertThat(request.attribute(IceControlled.class)).contains(new IceControlled(0x932ff9b151263b36L));
        assertThat(request.attribute(Username.class)).contains(new Username("evtj:h6vY"));
        assertThat(request.verifyIntegrity(SHORT_TERM)).isEqualTo(IntegrityVerdict.VALID);
        assertThat(request.verifyIntegrity(IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBT")))
                .isEqualTo(IntegrityVerdict.INVALID);
    }

    @Test
    void sampleIpv4ResponseSection22() throws Exception {
        StunMessage response = decoded(Rfc5769.IPV4_RESPONSE);

        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.attribute(Software.class)).contains(new Software("test vector"));
        assertThat(response.attribute(XorMappedAddress.class)).contains(
                new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)));
        assertThat(response.verifyIntegrity(SHORT_TERM)).isEqualTo(IntegrityVerdict.VALID);
    }

    @Test
    void sampleIpv6ResponseSection23() throws Exception {
        StunMessage response = decoded(Rfc5769.IPV6_RESPONSE);

        assertThat(response.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853)));
        assertThat(response.verifyIntegrity(SHORT_TERM)).isEqualTo(IntegrityVerdict.VALID);
    }

    @Test
    void sampleLongTermRequestSection24() {
        StunMessage request = decoded(Rfc5769.LONG_TERM_REQUEST);
        IntegrityKey key = IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM,
                Rfc5769.LONG_TERM_PASSWORD);

        assertThat(request.attribute(Username.class)).contains(new Username(Rfc5769.LONG_TERM_USERNAME));
        assertThat(request.attribute(Nonce.class)).contains(new Nonce(Rfc5769.LONG_TERM_NONCE));
        assertThat(request.attribute(Realm.class)).contains(new Realm(Rfc5769.LONG_TERM_REALM));
        assertThat(request.attribute(Fingerprint.class)).isEmpty();
        assertThat(request.verifyIntegrity(key)).isEqualTo(IntegrityVerdict.VALID);
        assertThat(request.verifyIntegrity(IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM,
                "thematrix"))).isEqualTo(IntegrityVerdict.INVALID);
    }

    @Test
    void encodingTheSection24SampleFromItsPartsGivesItsBytes() {
        // Its padding is zeros, so unlike 2.1 to 2.3 it can be reproduced byte for byte.
        IntegrityKey key = IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM,
                Rfc5769.LONG_TERM_PASSWORD);
        StunMessage request = StunMessage.request(StunMethod.BINDING, new TransactionId(0x78ad3433c6ad72c0L, 0x29da412e),
                new Username(Rfc5769.LONG_TERM_USERNAME), new Nonce(Rfc5769.LONG_TERM_NONCE),
                new Realm(Rfc5769.LONG_TERM_REALM));

        assertThat(request.encode(key, false)).isEqualTo(Rfc5769.LONG_TERM_REQUEST);
    }

    @Test
    void encodingTheSection22ResponseGivesItsIntegrityAndFingerprint() {
        StunMessage response = decoded(Rfc5769.IPV4_RESPONSE);
        byte[] again = response.encode(SHORT_TERM, true);

        // Same length and same attributes; only SOFTWARE's padding differs (zeros here, a space in the RFC), and the
        // RFC's HMAC and CRC cover that padding, so compare the re-encoded message's own checks and its decoding.
        assertThat(again).hasSameSizeAs(Rfc5769.IPV4_RESPONSE);
        StunMessage back = decoded(again);
        assertThat(back.attributes()).hasSize(4).startsWith(response.attributes().get(0), response.attributes().get(1));
        assertThat(back.verifyIntegrity(SHORT_TERM)).isEqualTo(IntegrityVerdict.VALID);
    }

    static StunMessage decoded(byte[] bytes) {
        StunDecoding decoding = StunMessage.decode(bytes, 0, bytes.length);
        assertThat(decoding).isInstanceOf(StunDecoding.Decoded.class);
        return ((StunDecoding.Decoded) decoding).message();
    }
}
