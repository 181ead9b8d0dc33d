package dev.confab.crypto.dtls;

import static dev.confab.crypto.dtls.DtlsTestPeers.FAST;
import static dev.confab.crypto.dtls.DtlsTestPeers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.crypto.srtp.SrtpProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Two endpoints over a seeded lossy in-memory path agree on SRTP keys and the short authentication string. */
class DtlsHandshakeTest {

    private final DtlsCertificate offererCert = DtlsTestPeers.certificate(1);
    private final DtlsCertificate answererCert = DtlsTestPeers.certificate(2);

    /** The answer's a=setup picks who is the client: active = the answerer, passive = the offerer. */
    @ParameterizedTest(name = "{0}, answer a=setup:{1}")
    @CsvSource({
        "AEAD_AES_128_GCM, ACTIVE", "AEAD_AES_128_GCM, PASSIVE",
        "AEAD_AES_256_GCM, ACTIVE", "AEAD_AES_256_GCM, PASSIVE",
        "AES_CM_128_HMAC_SHA1_80, ACTIVE", "AES_CM_128_HMAC_SHA1_80, PASSIVE",
        "AES_CM_128_HMAC_SHA1_32, ACTIVE", "AES_CM_128_HMAC_SHA1_32, PASSIVE",
    })
    void lossyHandshakeDerivesMatchingKeysForEachProfile(SrtpProfile profile, DtlsSetup answer) throws Exception {
        DtlsConfig config = FAST.withSrtpProfiles(profile);
        // A flight travels in one datagram, so a handshake may see no loss: seeds are tried until one lost some.
        Pair pair = null;
        for (long seed = (profile.ordinal() * 2L + answer.ordinal()) * 100; pair == null || pair.links.lost() == 0; seed++) {
            pair = handshake(config, config, answer, seed);
            assertThat(pair.offerer.role()).isEqualTo(answer == DtlsSetup.ACTIVE ? DtlsRole.SERVER : DtlsRole.CLIENT);
            assertThat(pair.answerer.role()).isNotEqualTo(pair.offerer.role());
            assertMatching(pair.offerer, pair.answerer, profile);
        }
        assertThat(pair.links.lost()).as("the seeded path lost datagrams").isPositive();
    }

    @Test
    void bothOfferingEverythingNegotiateAes128Gcm() throws Exception {
        Pair pair = handshake(FAST, FAST, DtlsSetup.ACTIVE, 42);

        assertMatching(pair.offerer, pair.answerer, SrtpProfile.AEAD_AES_128_GCM);
    }

    /**
     * Each flight crosses in one datagram, as browsers send them: the client's last flight (certificate, key exchange,
     * certificate verify, change cipher spec, finished) and the server's (change cipher spec, finished) arrive whole
     * or not at all, and their records cannot overtake one another.
     */
    @Test
    void eachFlightTravelsInOneDatagram() throws Exception {
        List<List<Integer>> fromClient = new CopyOnWriteArrayList<>();
        List<List<Integer>> fromServer = new CopyOnWriteArrayList<>();
        QueueDatagramLink[] serverLink = new QueueDatagramLink[1];
        QueueDatagramLink clientLink = new QueueDatagramLink((buf, off, len) -> {
            fromClient.add(recordTypes(buf, off, len));
            serverLink[0].deliver(buf, off, len);
        });
        serverLink[0] = new QueueDatagramLink((buf, off, len) -> {
            fromServer.add(recordTypes(buf, off, len));
            clientLink.deliver(buf, off, len);
        });
        try (DtlsEndpoint server = DtlsTestPeers.start(DtlsRole.SERVER, offererCert, answererCert.fingerprint(), FAST,
                        serverLink[0], 7);
                DtlsEndpoint client = DtlsTestPeers.start(DtlsRole.CLIENT, answererCert, offererCert.fingerprint(), FAST,
                        clientLink, 8)) {
            server.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            client.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Record content types: 22 handshake, 20 change cipher spec; the finished goes in a handshake record too.
        assertThat(fromClient).as("client hello, then the last flight").startsWith(List.of(22), List.of(22, 22, 22, 20, 22));
        assertThat(fromServer).as("server hello to hello done, then the last flight")
                .startsWith(List.of(22, 22, 22, 22, 22), List.of(20, 22));
    }

    private static List<Integer> recordTypes(byte[] buf, int off, int len) {
        return RecordBytes.split(buf, off, len).stream().map(record -> record[0] & 0xff).toList();
    }

    @Test
    void theServersPreferenceWinsAmongTheClientsOffer() throws Exception {
        DtlsConfig client = FAST.withSrtpProfiles(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_256_GCM);
        DtlsConfig server = FAST.withSrtpProfiles(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);

        Pair pair = handshake(server, client, DtlsSetup.ACTIVE, 43);

        assertMatching(pair.offerer, pair.answerer, SrtpProfile.AEAD_AES_256_GCM);
    }

    @Test
    void twoHandshakesBetweenTheSamePeersGiveDifferentKeysAndStrings() throws Exception {
        Pair first = handshake(FAST, FAST, DtlsSetup.ACTIVE, 44);
        Pair second = handshake(FAST, FAST, DtlsSetup.ACTIVE, 45);

        assertThat(second.offerer.sas()).isNotEqualTo(first.offerer.sas());
        assertThat(second.offerer.sas().wordText()).isNotEqualTo(first.offerer.sas().wordText());
        assertThat(second.offerer.srtpKeys().localKey()).isNotEqualTo(first.offerer.srtpKeys().localKey());
    }

    private static void assertMatching(DtlsHandshakeResult one, DtlsHandshakeResult other, SrtpProfile profile) {
        assertThat(one.srtpKeys().profile()).isEqualTo(profile);
        assertThat(other.srtpKeys().profile()).isEqualTo(profile);
        assertThat(one.srtpKeys().localKey()).hasSize(profile.keyLength())
                .isEqualTo(other.srtpKeys().remoteKey()).isNotEqualTo(one.srtpKeys().remoteKey());
        assertThat(one.srtpKeys().localSalt()).hasSize(profile.saltLength())
                .isEqualTo(other.srtpKeys().remoteSalt()).isNotEqualTo(one.srtpKeys().remoteSalt());
        assertThat(one.srtpKeys().remoteKey()).isEqualTo(other.srtpKeys().localKey());
        assertThat(one.srtpKeys().remoteSalt()).isEqualTo(other.srtpKeys().localSalt());
        assertThat(one.sas()).isEqualTo(other.sas());
    }

    private Pair handshake(DtlsConfig offererConfig, DtlsConfig answererConfig, DtlsSetup answer, long seed)
            throws Exception {
        LinkPair links = new LinkPair(seed, LinkPair.Impairment.LOSSY);
        DtlsRole offererRole = DtlsRole.negotiate(DtlsSetup.ACTPASS, answer, true);
        DtlsRole answererRole = DtlsRole.negotiate(DtlsSetup.ACTPASS, answer, false);
        try (DtlsEndpoint offerer = DtlsTestPeers.start(offererRole, offererCert, answererCert.fingerprint(),
                        offererConfig, links.a, seed * 2);
                DtlsEndpoint answerer = DtlsTestPeers.start(answererRole, answererCert, offererCert.fingerprint(),
                        answererConfig, links.b, seed * 2 + 1)) {
            DtlsHandshakeResult o = offerer.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            DtlsHandshakeResult a = answerer.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(o.peerFingerprint()).isEqualTo(answererCert.fingerprint());
            assertThat(a.peerFingerprint()).isEqualTo(offererCert.fingerprint());
            return new Pair(o, a, links);
        }
    }

    private record Pair(DtlsHandshakeResult offerer, DtlsHandshakeResult answerer, LinkPair links) {
    }
}
