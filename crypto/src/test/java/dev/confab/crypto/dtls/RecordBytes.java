package dev.confab.crypto.dtls;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-made DTLS 1.2 records for tests that need what no honest peer sends. */
final class RecordBytes {

    private RecordBytes() {
    }

    /** The records of one datagram, each with its 13-byte header; a truncated last one as far as it goes. */
    static List<byte[]> split(byte[] buf, int off, int len) {
        List<byte[]> records = new ArrayList<>();
        for (int at = off; off + len - at >= 13; ) {
            int end = at + 13 + ((buf[at + 11] & 0xff) << 8 | (buf[at + 12] & 0xff));
            records.add(Arrays.copyOfRange(buf, at, Math.min(end, off + len)));
            at = end;
        }
        return records;
    }

    /**
     * One epoch-0 handshake record holding one fragment.
     *
     * @param recordSeq      the record sequence number (the replay window drops repeats)
     * @param type           handshake message type (1 = ClientHello, 15 = CertificateVerify)
     * @param length         the message length the fragment announces
     * @param messageSeq     the handshake message sequence number
     * @param fragmentOffset where the fragment starts in the message
     * @param fragment       the fragment's bytes
     */
    static byte[] handshakeRecord(long recordSeq, int type, int length, int messageSeq, int fragmentOffset,
            byte[] fragment) {
        ByteBuffer out = ByteBuffer.allocate(13 + 12 + fragment.length);
        out.put((byte) 22).putShort((short) 0xfefd).putShort((short) 0);
        out.putShort((short) (recordSeq >>> 32)).putInt((int) recordSeq);
        out.putShort((short) (12 + fragment.length));
        out.put((byte) type);
        putU24(out, length);
        out.putShort((short) messageSeq);
        putU24(out, fragmentOffset);
        putU24(out, fragment.length);
        out.put(fragment);
        return out.array();
    }

    /** An epoch-0 ChangeCipherSpec record. */
    static byte[] changeCipherSpec(long recordSeq) {
        ByteBuffer out = ByteBuffer.allocate(14);
        out.put((byte) 20).putShort((short) 0xfefd).putShort((short) 0);
        out.putShort((short) (recordSeq >>> 32)).putInt((int) recordSeq);
        out.putShort((short) 1).put((byte) 1);
        return out.array();
    }

    private static void putU24(ByteBuffer out, int value) {
        out.put((byte) (value >>> 16)).put((byte) (value >>> 8)).put((byte) value);
    }
}
