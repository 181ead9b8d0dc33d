package dev.confab.crypto.dtls;

import dev.confab.testkit.TestRandom;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server whose every random choice is seeded, and the datagrams a seeded client sent it in a clean handshake
 * followed by close_notify. Queued up front for a fresh server built by {@link #server}, the recording drives it
 * through the whole handshake again, so the fuzz target can start from real records and mutate them.
 *
 * <p>The framing of a recording is what {@link #frames} reads: each datagram as a 2-byte big-endian length and the
 * bytes.
 */
final class RecordedHandshake {

    static final DtlsCertificate CLIENT_CERT = DtlsTestPeers.certificate(101);
    static final DtlsCertificate SERVER_CERT = DtlsTestPeers.certificate(102);
    static final int MAX_DATAGRAMS = QueueDatagramLink.DEFAULT_CAPACITY;

    private RecordedHandshake() {
    }

    /** The deterministic server: the same seeds, so the same ServerHello, key share and signatures. */
    static DtlsParameters server() {
        return new DtlsParameters(DtlsRole.SERVER, SERVER_CERT, CLIENT_CERT.fingerprint(), DtlsConfig.defaults(),
                TestRandom.seeded(103));
    }

    /** Runs a clean handshake and a close between a seeded client and {@link #server()}; returns the framing. */
    static byte[] record() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        QueueDatagramLink[] serverLink = new QueueDatagramLink[1];
        QueueDatagramLink clientLink = new QueueDatagramLink((buf, off, len) -> {
            synchronized (sent) {
                sent.add(Arrays.copyOfRange(buf, off, off + len));
            }
            serverLink[0].deliver(buf, off, len);
        });
        serverLink[0] = new QueueDatagramLink((buf, off, len) -> clientLink.deliver(buf, off, len));
        DtlsEndpoint server = DtlsEndpoint.start(server(), serverLink[0], DtlsTestPeers.EXECUTOR);
        DtlsEndpoint client = DtlsEndpoint.start(new DtlsParameters(DtlsRole.CLIENT, CLIENT_CERT,
                SERVER_CERT.fingerprint(), DtlsConfig.defaults(), TestRandom.seeded(104)), clientLink,
                DtlsTestPeers.EXECUTOR);
        client.handshake().get(DtlsTestPeers.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        client.close();
        server.closed().get(DtlsTestPeers.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synchronized (sent) {
            for (byte[] datagram : sent) {
                out.write(datagram.length >>> 8);
                out.write(datagram.length);
                out.writeBytes(datagram);
            }
        }
        return out.toByteArray();
    }

    /** Splits fuzz input into at most {@link #MAX_DATAGRAMS} datagrams; a length beyond the end takes the rest. */
    static List<byte[]> frames(byte[] input) {
        List<byte[]> datagrams = new ArrayList<>();
        int at = 0;
        while (input.length - at >= 2 && datagrams.size() < MAX_DATAGRAMS) {
            int length = Math.min((input[at] & 0xff) << 8 | (input[at + 1] & 0xff), input.length - at - 2);
            datagrams.add(Arrays.copyOfRange(input, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return datagrams;
    }
}
