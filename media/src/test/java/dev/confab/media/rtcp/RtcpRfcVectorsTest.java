package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Packets laid out by hand from the RFCs' figures, parsed, and written back byte for byte. */
class RtcpRfcVectorsTest {

    /** RFC 3550 6.4.1 (SR with one report block) followed by 6.5 (SDES CNAME): a regular compound. */
    @Test
    void senderReportAndCname() {
        byte[] compound = Hex.bytes("""
                81 c8 00 0c             # V=2 RC=1 SR, 13 words
                00 00 04 d2             # SSRC 1234
                e8 00 00 00 80 00 00 00 # NTP 0xe8000000.80000000
                00 01 e2 40             # RTP timestamp 123456
                00 00 00 64             # 100 packets
                00 00 3e 80             # 16000 octets
                00 00 16 2e             # report on SSRC 5678
                19 ff ff fe             # fraction 25/256, cumulative lost -2
                00 01 00 05             # extended highest sequence: 1 cycle, 5
                00 00 00 20             # jitter 32
                b7 05 20 00             # LSR
                00 05 40 00             # DLSR 5.25 s
                81 ca 00 04             # V=2 SC=1 SDES, 5 words
                00 00 04 d2             # SSRC 1234
                01 06 61 62 63 64 65 66 # CNAME "abcdef"
                00 00 00 00             # null item, padding to the word
                """);

        List<RtcpPacket> packets = Parsing.packets(compound);

        assertThat(packets).containsExactly(
                new SenderReport(1234, 0xe8000000_80000000L, 123456, 100, 16000,
                        List.of(new ReportBlock(5678, 25, -2, 0x10005, 32, 0xb7052000L, 0x54000))),
                SourceDescription.cname(1234, "abcdef"));
        assertThat(Parsing.marshal(packets)).isEqualTo(compound);
    }

    /** RFC 3550 6.4.2 (RR, no blocks), 6.6 (BYE with a reason) and RFC 4585 6.2.1/6.3.1 (NACK, PLI). */
    @Test
    void receiverReportByeNackAndPli() {
        byte[] compound = Hex.bytes("""
                80 c9 00 01 00 00 00 07             # RR from 7, no blocks
                81 cd 00 04 00 00 00 07 00 00 00 09 # Generic NACK from 7 for 9
                ff fe 00 05                         #   65534, and (bits 0, 2) 65535, 1
                01 02 00 03                         #   258, and (bits 0, 1) 259, 260
                81 ce 00 02 00 00 00 07 00 00 00 09 # PLI from 7 for 9
                81 cb 00 03 00 00 00 07             # BYE of 7
                07 63 61 6c 6c 20 65 6e             # reason of 7 bytes, "call en"
                """);

        List<RtcpPacket> packets = Parsing.packets(compound);

        GenericNack nack = (GenericNack) packets.get(1);
        assertThat(packets).containsExactly(new ReceiverReport(7, List.of()), nack,
                new PictureLossIndication(7, 9), new Goodbye(List.of(7), Optional.of("call en")));
        assertThat(nack.lostSequenceNumbers()).containsExactly(65534, 65535, 1, 258, 259, 260);
        assertThat(GenericNack.of(7, 9, nack.lostSequenceNumbers())).isEqualTo(nack);
        assertThat(Parsing.marshal(packets)).isEqualTo(compound);
    }

    /** RFC 5104 4.3.1 (FIR) and draft-alvestrand-rmcat-remb-03 2.2 (REMB), as a reduced-size compound (RFC 5506). */
    @Test
    void firAndRemb() {
        byte[] compound = Hex.bytes("""
                84 ce 00 04 00 00 00 07 00 00 00 00 # FIR from 7, media SSRC 0
                00 00 00 09 2a 00 00 00             #   SSRC 9, command sequence 42
                8f ce 00 05 00 00 00 07 00 00 00 00 # PSFB 15 from 7
                52 45 4d 42                         #   "REMB"
                01 0b d0 90                         #   1 SSRC, exponent 2, mantissa 0x3d090: 1 000 000 bit/s
                00 00 00 09
                """);

        List<RtcpPacket> packets = Parsing.packets(compound);

        assertThat(packets).containsExactly(new FullIntraRequest(7, List.of(new FirEntry(9, 42))),
                new Remb(7, 1_000_000, List.of(9)));
        assertThat(Parsing.marshal(packets)).isEqualTo(compound);
    }

    /** draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1: all three chunk kinds, small and large deltas. */
    @Test
    void transportFeedback() {
        byte[] packet = Hex.bytes("""
                8f cd 00 09 00 00 00 01 00 00 00 02 # RTPFB 15 from 1 for 2
                00 64 00 12                         # base sequence 100, 18 statuses
                00 00 01 07                         # reference time 1 (64 ms), feedback count 7
                20 0a                               # run length: 10 x small delta
                c9 00                               # 2-bit vector: none, large, small, none, none, none, none
                a0 00                               # 1-bit vector: small (the other 13 are past the count)
                01 02 03 04 05 06 07 08 09 0a       # deltas of the run
                ff 38                               # -200 ticks
                0b 0c
                """);

        TransportFeedback feedback = (TransportFeedback) Parsing.packets(packet).getFirst();

        assertThat(feedback.baseSequence()).isEqualTo(100);
        assertThat(feedback.statusCount()).isEqualTo(18);
        assertThat(feedback.referenceTime()).isEqualTo(1);
        assertThat(feedback.feedbackCount()).isEqualTo(7);
        assertThat(feedback.status(9)).isEqualTo(PacketStatus.SMALL_DELTA);
        assertThat(feedback.status(10)).isEqualTo(PacketStatus.NOT_RECEIVED);
        assertThat(feedback.status(11)).isEqualTo(PacketStatus.LARGE_DELTA);
        assertThat(feedback.status(17)).isEqualTo(PacketStatus.SMALL_DELTA);
        assertThat(feedback.sequenceNumber(17)).isEqualTo(117);
        assertThat(feedback.receivedCount()).isEqualTo(13);
        assertThat(feedback.delta(0)).isEqualTo(1);
        assertThat(feedback.delta(10)).isEqualTo(-200);
        assertThat(feedback.delta(12)).isEqualTo(12);
        byte[] again = Parsing.marshal(List.of(feedback));
        assertThat(Parsing.packets(again)).containsExactly(feedback);
    }

    /** RFC 3550 6.4.1's worked example (figure 2): A 46864.500 s, LSR 46853.125 s, DLSR 5.250 s: RTT 6.125 s. */
    @Test
    void roundTripTimeOfTheRfcExample() {
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xb7052000L, 0x00054000L);
        long arrivalNtp = 0xb7108000L << 16;

        assertThat(RoundTripTime.nanos(block, arrivalNtp)).isEqualTo(6_125_000_000L);
        assertThat(RoundTripTime.nanos(new ReportBlock(1, 0, 0, 0, 0, 0, 0), arrivalNtp))
                .isEqualTo(RoundTripTime.UNKNOWN);
        assertThat(RoundTripTime.nanos(block, 0xb7052000L << 16)).as("clock stepped back").isZero();
    }
}
