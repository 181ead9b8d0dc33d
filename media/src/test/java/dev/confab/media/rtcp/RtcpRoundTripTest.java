package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every writer's output parses back to an equal packet, alone and in compounds, including padded ones. */
class RtcpRoundTripTest {

    @Test
    void everyTypeRoundTripsInOneCompound() {
        List<RtcpPacket> packets = List.of(
                new SenderReport(-1, NtpTime.of(java.time.Instant.parse("2025-01-02T03:04:05.5Z")), 0xffff_ffffL, 1, 2,
                        List.of(new ReportBlock(3, 255, ReportBlock.MIN_CUMULATIVE_LOST, 0xffff_ffffL, 0, 1, 2),
                                new ReportBlock(4, 0, ReportBlock.MAX_CUMULATIVE_LOST, 0, 9, 0, 0))),
                new ReceiverReport(5, List.of(new ReportBlock(6, 1, 2, 3, 4, 5, 6))),
                new SourceDescription(List.of(new SdesChunk(1, List.of(new SdesItem(SdesItem.CNAME, "ünïcödé"),
                        new SdesItem(2, "name"))), new SdesChunk(2, List.of()))),
                new Goodbye(List.of(1, 2, 3), Optional.empty()),
                new Goodbye(List.of(), Optional.of("x")),
                GenericNack.of(1, 2, List.of(10, 12, 40, 65535, 0)),
                new PictureLossIndication(1, 2),
                new FullIntraRequest(1, List.of(new FirEntry(2, 0), new FirEntry(3, 255))),
                new Remb(1, 0, List.of()),
                new Remb(1, 262_143L << 45, List.of(1, 2, 3)),
                TransportFeedback.of(1, 2, 65534, -1, 255,
                        List.of(PacketStatus.SMALL_DELTA, PacketStatus.NOT_RECEIVED, PacketStatus.LARGE_DELTA),
                        new int[] {0, -32768}));

        byte[] compound = Parsing.marshal(packets);

        assertThat(Parsing.packets(compound)).isEqualTo(packets);
    }

    @Test
    void longTransportFeedbackWithOneBitChunksRoundTrips() {
        Random random = new Random(5);
        List<PacketStatus> statuses = new ArrayList<>();
        List<Integer> deltas = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean received = random.nextInt(10) > 0;
            statuses.add(received ? PacketStatus.SMALL_DELTA : PacketStatus.NOT_RECEIVED);
            if (received) {
                deltas.add(random.nextInt(256));
            }
        }
        TransportFeedback feedback = TransportFeedback.of(1, 2, 3, 4, 5, statuses,
                deltas.stream().mapToInt(Integer::intValue).toArray());

        byte[] wire = Parsing.marshal(List.of(feedback));

        assertThat(Parsing.packets(wire)).containsExactly(feedback);
        assertThat(wire.length).as("no longer than with 1-bit vectors alone")
                .isLessThanOrEqualTo(RtcpHeader.padded(20 + 2 * ((1000 + 13) / 14) + deltas.size()));
    }

    @Test
    void longRunsOfOneStatusAreWrittenAsRunLengthChunks() {
        List<PacketStatus> statuses = new ArrayList<>();
        statuses.add(PacketStatus.SMALL_DELTA);
        statuses.addAll(Collections.nCopies(1000, PacketStatus.NOT_RECEIVED));
        statuses.addAll(Collections.nCopies(20, PacketStatus.LARGE_DELTA));
        int[] deltas = new int[21];
        Arrays.fill(deltas, 1, 21, -1);
        TransportFeedback feedback = TransportFeedback.of(1, 2, 3, 4, 5, statuses, deltas);

        byte[] wire = Parsing.marshal(List.of(feedback));

        assertThat(Parsing.packets(wire)).containsExactly(feedback);
        // a 1-bit vector (small, 13 not received), a run of 987 not received, a run of 20 large; 1 + 40 delta bytes
        assertThat(wire.length).isEqualTo(RtcpHeader.padded(20 + 3 * 2 + 1 + 20 * 2));
        assertThat(wire[20] & 0xc0).as("a 1-bit vector").isEqualTo(0x80);
        assertThat((wire[22] & 0xff) << 8 | wire[23] & 0xff).isEqualTo(987);
        assertThat((wire[24] & 0xff) << 8 | wire[25] & 0xff).isEqualTo(0x4000 | 20);
    }

    @Test
    void remblBitrateKeepsItsTopEighteenBits() {
        Remb remb = new Remb(1, 1_234_567_891L, List.of(1));

        Remb back = (Remb) Parsing.packets(Parsing.marshal(List.of(remb))).getFirst();

        assertThat(back.bitrate()).isLessThanOrEqualTo(remb.bitrate()).isGreaterThan(remb.bitrate() - (1L << 13));
    }

    @Test
    void writersReportNoRoom() {
        byte[] buf = new byte[11];
        RtcpPacket pli = new PictureLossIndication(1, 2);

        assertThat(RtcpFailure.of(pli.marshal(buf, 0))).isEqualTo(RtcpFailure.BUFFER_TOO_SMALL);
        assertThat(RtcpFailure.of(RtcpCompound.marshal(List.of(pli, pli), new byte[23], 0)))
                .isEqualTo(RtcpFailure.BUFFER_TOO_SMALL);
        assertThat(RtcpFailure.of(pli.marshal(buf, 12))).isEqualTo(RtcpFailure.INVALID_ARGUMENT);
        assertThat(buf).containsOnly(0);
    }

    @Test
    void unknownTypesAreSkippedAndCounted() {
        byte[] compound = Hex.bytes("""
                80 c9 00 01 00 00 00 07             # RR
                80 cf 00 01 00 00 00 07             # XR (207), empty
                85 cd 00 02 00 00 00 07 00 00 00 09 # RTPFB FMT 5
                8f ce 00 03 00 00 00 07 00 00 00 00 # PSFB 15, not REMB
                41 42 43 44
                """);

        RtcpParse.Parsed parsed = (RtcpParse.Parsed) RtcpCompound.parse(compound, 0, compound.length);

        assertThat(parsed.packets()).containsExactly(new ReceiverReport(7, List.of()));
        assertThat(parsed.skipped()).isEqualTo(3);
    }
}
