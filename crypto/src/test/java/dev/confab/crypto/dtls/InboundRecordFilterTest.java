package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InboundRecordFilterTest {

    private static final int LIMIT = 16 * 1024;

    @Test
    void passesHandshakeFragmentsUpToTheLimit() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, false);
        byte[] atLimit = RecordBytes.handshakeRecord(0, 11, LIMIT, 1, 0, new byte[100]);

        assertThat(filter.filter(atLimit, 0, atLimit.length)).isEqualTo(atLimit.length);
        assertThat(filter.oversizedDrops()).isZero();
    }

    @Test
    void dropsADatagramAnnouncingALargerMessageEvenBehindAnotherRecord() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, false);
        byte[] datagram = concat(RecordBytes.handshakeRecord(0, 1, 10, 0, 0, new byte[10]),
                RecordBytes.handshakeRecord(1, 1, LIMIT + 1, 1, 0, new byte[1]));

        assertThat(filter.filter(datagram, 0, datagram.length)).isZero();
        assertThat(filter.oversizedDrops()).isEqualTo(1);
    }

    @Test
    void leavesEncryptedEpochsAndTruncatedRecordsAlone() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, false);
        byte[] ccs = RecordBytes.changeCipherSpec(0);
        byte[] epochOne = RecordBytes.handshakeRecord(0, 1, 0xffffff, 0, 0, new byte[4]);
        epochOne[4] = 1;
        byte[] truncated = Arrays.copyOf(RecordBytes.handshakeRecord(0, 1, 0xffffff, 0, 0, new byte[4]), 20);

        assertThat(filter.filter(ccs, 0, ccs.length)).isEqualTo(ccs.length);
        assertThat(filter.filter(epochOne, 0, epochOne.length)).isEqualTo(epochOne.length);
        assertThat(filter.filter(truncated, 0, truncated.length)).isEqualTo(truncated.length);
    }

    @Test
    void aServerHoldsChangeCipherSpecUntilTheWholeCertificateVerifyPassed() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, true);
        byte[] ccs = RecordBytes.changeCipherSpec(9);
        byte[] firstHalf = RecordBytes.handshakeRecord(1, 15, 8, 3, 0, new byte[4]);
        byte[] secondHalf = RecordBytes.handshakeRecord(2, 15, 8, 3, 4, new byte[4]);

        assertThat(filter.filter(ccs.clone(), 0, ccs.length)).isZero();
        byte[] halfAndCcs = concat(firstHalf, ccs);
        assertThat(filter.filter(halfAndCcs, 0, halfAndCcs.length)).isEqualTo(firstHalf.length);
        assertThat(Arrays.copyOf(halfAndCcs, firstHalf.length)).isEqualTo(firstHalf);
        byte[] ccsBetween = concat(ccs, secondHalf, ccs);
        assertThat(filter.filter(ccsBetween, 0, ccsBetween.length)).as("the record before the CertificateVerify goes")
                .isEqualTo(secondHalf.length + ccs.length);
        assertThat(Arrays.copyOf(ccsBetween, secondHalf.length + ccs.length)).isEqualTo(concat(secondHalf, ccs));
        assertThat(filter.filter(ccs.clone(), 0, ccs.length)).isEqualTo(ccs.length);
        assertThat(filter.heldChangeCipherSpecs()).isEqualTo(3);
    }

    @Test
    void aClientNeverHoldsChangeCipherSpec() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, false);
        byte[] ccs = RecordBytes.changeCipherSpec(0);

        assertThat(filter.filter(ccs, 0, ccs.length)).isEqualTo(ccs.length);
        assertThat(filter.heldChangeCipherSpecs()).isZero();
    }

    /** The peer's Finished overtook its ChangeCipherSpec on a reordering path: it waits for it instead of being lost. */
    @Test
    void aNextEpochRecordThatOvertakesTheChangeCipherSpecIsHandedOverRightAfterIt() {
        InboundRecordFilter filter = new InboundRecordFilter(LIMIT, false);
        byte[] finished = RecordBytes.handshakeRecord(0, 20, 12, 5, 0, new byte[12]);
        finished[4] = 1;
        byte[] ccs = RecordBytes.changeCipherSpec(7);

        assertThat(filter.filter(finished.clone(), 0, finished.length)).isZero();
        byte[] datagram = Arrays.copyOf(ccs, ccs.length + finished.length);
        assertThat(filter.filter(datagram, 0, ccs.length, datagram.length)).isEqualTo(ccs.length + finished.length);
        assertThat(datagram).isEqualTo(concat(ccs, finished));
        assertThat(filter.heldEarlyRecords()).isEqualTo(1);
        assertThat(filter.filter(finished.clone(), 0, finished.length)).as("after the ChangeCipherSpec, as is")
                .isEqualTo(finished.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
