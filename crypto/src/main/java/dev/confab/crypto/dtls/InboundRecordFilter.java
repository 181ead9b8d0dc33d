package dev.confab.crypto.dtls;

import java.util.BitSet;

/**
 * Looks into each datagram before Bouncy Castle 1.84 does, to work around two of its DTLS flaws.
 *
 * <ul>
 *   <li>Its handshake reassembly allocates the length a fragment announces (up to 16 MiB) on the first fragment and
 *       keeps up to 16 such buffers per flight, so 16 small forged datagrams could pin 256 MiB
 *       ({@code getMaxHandshakeMessageSize()} applies to TLS over streams only). A datagram announcing an epoch-0
 *       handshake message above the limit is dropped.
 *   <li>A server switches its read epoch on the client's ChangeCipherSpec as soon as the ClientKeyExchange is
 *       processed. If the CertificateVerify was lost or comes later, it arrives in the old epoch, is discarded for
 *       good, and the handshake stalls until it times out: one lost or reordered datagram in the client's last
 *       flight is enough. A server therefore holds back (removes) ChangeCipherSpec records until the whole
 *       CertificateVerify has passed; the client retransmits both together. Confab always requires a client
 *       certificate, so the CertificateVerify always comes.
 *   <li>A record of the next epoch (the peer's Finished) that overtakes the ChangeCipherSpec before it is discarded,
 *       and the handshake waits for a retransmission, which backs off to seconds: on a path that reorders (Wi-Fi, or
 *       jitter of a few tens of milliseconds) that happens again and again. Such records are held (a few, bounded)
 *       and handed over right after the ChangeCipherSpec, as RFC 6347 section 4.1 allows.
 * </ul>
 *
 * <p>Only epoch-0 records are looked into; later epochs are encrypted and authenticated before reassembly.
 *
 * <p>Thread contract: confined to the endpoint's worker thread, except the counters, which any thread may read.
 */
final class InboundRecordFilter {

    static final int RECORD_HEADER = 13;
    static final int FRAGMENT_HEADER = 12;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int CERTIFICATE_VERIFY = 15;
    private static final int MAX_EARLY_RECORDS = 4;

    private final int maxHandshakeMessage;
    private final boolean holdChangeCipherSpec;
    private BitSet certificateVerifyCoverage = new BitSet();
    private int certificateVerifyLength = -1;
    private boolean certificateVerifyPassed;
    private final java.util.ArrayDeque<byte[]> earlyRecords = new java.util.ArrayDeque<>();
    private boolean changeCipherSpecPassed;
    private volatile long oversizedDrops;
    private volatile long heldChangeCipherSpecs;
    private volatile long heldEarlyRecords;

    InboundRecordFilter(int maxHandshakeMessage, boolean holdChangeCipherSpec) {
        this.maxHandshakeMessage = maxHandshakeMessage;
        this.holdChangeCipherSpec = holdChangeCipherSpec;
    }

    /** Filters one datagram in place, with no room after it for held records. */
    int filter(byte[] buf, int off, int len) {
        return filter(buf, off, len, off + len);
    }

    /**
     * Filters one datagram in place; records held earlier may be appended up to {@code capacityEnd}.
     *
     * @return the length of what is left for Bouncy Castle (held-back records are cut out, released ones appended),
     *         or 0 to drop it all
     */
    int filter(byte[] buf, int off, int len, int capacityEnd) {
        int end = off + len;
        int record = off;
        boolean passedHere = false;
        while (end - record >= RECORD_HEADER) {
            int type = buf[record] & 0xff;
            int epoch = u16(buf, record + 3);
            int recordEnd = record + RECORD_HEADER + u16(buf, record + 11);
            if (recordEnd > end) {
                break; // truncated: Bouncy Castle drops it
            }
            if (type == HANDSHAKE && epoch == 0 && !inspectFragments(buf, record + RECORD_HEADER, recordEnd)) {
                oversizedDrops++;
                return 0;
            }
            boolean holdCcs = type == CHANGE_CIPHER_SPEC && holdChangeCipherSpec && !certificateVerifyPassed;
            boolean early = epoch > 0 && !changeCipherSpecPassed;
            if (holdCcs || early) {
                if (holdCcs) {
                    heldChangeCipherSpecs++;
                } else if (earlyRecords.size() < MAX_EARLY_RECORDS) {
                    earlyRecords.add(java.util.Arrays.copyOfRange(buf, record, recordEnd));
                    heldEarlyRecords++;
                }
                System.arraycopy(buf, recordEnd, buf, record, end - recordEnd);
                end -= recordEnd - record;
            } else {
                if (type == CHANGE_CIPHER_SPEC && epoch == 0) {
                    passedHere |= !changeCipherSpecPassed;
                    changeCipherSpecPassed = true;
                }
                record = recordEnd;
            }
        }
        if (passedHere) {
            end = releaseEarlyRecords(buf, end, capacityEnd);
        }
        return end - off;
    }

    /** Appends the held next-epoch records after the ChangeCipherSpec that just passed, as far as there is room. */
    private int releaseEarlyRecords(byte[] buf, int end, int capacityEnd) {
        while (!earlyRecords.isEmpty() && earlyRecords.peek().length <= capacityEnd - end) {
            byte[] early = earlyRecords.poll();
            System.arraycopy(early, 0, buf, end, early.length);
            end += early.length;
        }
        earlyRecords.clear();
        return end;
    }

    /** Next-epoch records that overtook the ChangeCipherSpec and were held for it. */
    long heldEarlyRecords() {
        return heldEarlyRecords;
    }

    /** Datagrams dropped for announcing a handshake message above the limit. */
    long oversizedDrops() {
        return oversizedDrops;
    }

    /** ChangeCipherSpec records held back because the CertificateVerify had not passed yet. */
    long heldChangeCipherSpecs() {
        return heldChangeCipherSpecs;
    }

    /** False if a fragment announces a message above the limit; notes CertificateVerify coverage on the way. */
    private boolean inspectFragments(byte[] buf, int fragment, int end) {
        while (end - fragment >= FRAGMENT_HEADER) {
            int length = u24(buf, fragment + 1);
            if (length > maxHandshakeMessage) {
                return false;
            }
            int fragmentOffset = u24(buf, fragment + 6);
            int fragmentLength = u24(buf, fragment + 9);
            if ((buf[fragment] & 0xff) == CERTIFICATE_VERIFY && fragmentOffset + fragmentLength <= length
                    && fragment + FRAGMENT_HEADER + fragmentLength <= end) {
                noteCertificateVerify(length, fragmentOffset, fragmentLength);
            }
            fragment += FRAGMENT_HEADER + fragmentLength;
        }
        return true;
    }

    private void noteCertificateVerify(int length, int fragmentOffset, int fragmentLength) {
        if (length != certificateVerifyLength) {
            certificateVerifyCoverage = new BitSet(length);
            certificateVerifyLength = length;
        }
        certificateVerifyCoverage.set(fragmentOffset, fragmentOffset + fragmentLength);
        certificateVerifyPassed |= certificateVerifyCoverage.cardinality() == length;
    }

    private static int u16(byte[] buf, int at) {
        return (buf[at] & 0xff) << 8 | (buf[at + 1] & 0xff);
    }

    private static int u24(byte[] buf, int at) {
        return (buf[at] & 0xff) << 16 | (buf[at + 1] & 0xff) << 8 | (buf[at + 2] & 0xff);
    }
}
