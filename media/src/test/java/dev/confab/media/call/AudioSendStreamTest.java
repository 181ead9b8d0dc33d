package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.audio.opus.OpusEncoderConfig;
import dev.confab.media.rtp.AbsSendTime;
import dev.confab.media.rtp.ExtensionElements;
import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.RtpPacketReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What goes on the wire for each microphone frame: the negotiated payload type and header extensions. */
class AudioSendStreamTest {
    private static final int MID_ID = 4;
    private static final int AUDIO_LEVEL_ID = 1;
    private static final int ABS_SEND_TIME_ID = 2;

    private final List<byte[]> sent = new CopyOnWriteArrayList<>();

    @Test
    void eachPacketCarriesTheMidTheAudioLevelAndTheTimeItWasSent() {
        AudioSendStream stream = new AudioSendStream((buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off, off + len)),
                0x1234_5678L, 100, 5000);
        stream.start(new AudioSendStream.Setup(111, new HeaderExtensionIds(MID_ID, AUDIO_LEVEL_ID, ABS_SEND_TIME_ID, 0),
                "0", OpusEncoderConfig.DEFAULT));
        short[] tone = tone();
        long before = System.nanoTime();
        stream.accept(tone);
        stream.accept(tone);
        long after = System.nanoTime();

        assertThat(sent).hasSize(2);
        RtpPacketReader packet = new RtpPacketReader();
        assertThat(packet.wrap(sent.get(1), 0, sent.get(1).length)).as("payload bytes").isPositive();
        assertThat(packet.payloadType()).isEqualTo(111);
        assertThat(packet.sequenceNumber()).isEqualTo(101);
        ExtensionElements elements = packet.extensions();
        assertThat(elements.find(MID_ID)).isTrue();
        assertThat(new String(packet.array(), elements.offset(), elements.length(), StandardCharsets.US_ASCII))
                .isEqualTo("0");
        assertThat(packet.extensions().find(AUDIO_LEVEL_ID)).isTrue();
        ExtensionElements sendTime = packet.extensions();
        assertThat(sendTime.find(ABS_SEND_TIME_ID)).isTrue();
        assertThat(sendTime.length()).isEqualTo(AbsSendTime.LENGTH);
        long stamped = AbsSendTime.toNanos(AbsSendTime.read(packet.array(), sendTime.offset()));
        long period = 64L * 1_000_000_000L; // the 6.18 fixed-point seconds wrap every 64 s
        long resolution = 10_000; // 2^-18 s is 3.8 us
        assertThat(Math.floorMod(stamped - (before - resolution) % period, period)).as("stamped between the calls, ns")
                .isLessThanOrEqualTo(after - before + 2 * resolution);
    }

    @Test
    void whileMutedTheEncoderRestsOnceThePeerHasItsDtxFramesAndWakesWithTheMicrophone() {
        AudioSendStream stream = new AudioSendStream((buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off, off + len)),
                1, 0, 0);
        stream.start(new AudioSendStream.Setup(111, HeaderExtensionIds.NONE, "0", OpusEncoderConfig.DEFAULT));
        short[] tone = tone();
        for (int i = 0; i < 10; i++) {
            stream.accept(tone);
        }
        assertThat(stream.framesEncoded()).isEqualTo(10);

        stream.mute(true);
        for (int i = 0; i < 250; i++) { // five seconds muted
            stream.accept(tone);
        }
        long codedWhileMuted = stream.framesEncoded() - 10;
        assertThat(codedWhileMuted).as("frames coded while muted, until DTX").isBetween(4L, 60L);
        int sentWhileMuted = sent.size() - 10;
        assertThat(sentWhileMuted).as("packets sent while muted").isLessThanOrEqualTo((int) codedWhileMuted);

        stream.mute(false);
        stream.accept(tone);
        assertThat(stream.framesEncoded()).isEqualTo(10 + codedWhileMuted + 1);
        RtpPacketReader packet = new RtpPacketReader();
        byte[] last = sent.getLast();
        assertThat(packet.wrap(last, 0, last.length)).as("payload bytes").isGreaterThan(2);
        assertThat(packet.marker()).as("the first packet after the pause").isTrue();
        assertThat(packet.timestamp()).as("the muted time passed in the timestamp").isEqualTo(260L * 960);
    }

    private static short[] tone() {
        short[] tone = new short[960];
        for (int n = 0; n < tone.length; n++) {
            tone[n] = (short) (8000 * Math.sin(2 * Math.PI * 440 * n / 48000.0));
        }
        return tone;
    }

    @Test
    void extensionsNotAgreedAreNotWritten() {
        AudioSendStream stream = new AudioSendStream((buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off, off + len)),
                1, 0, 0);
        stream.start(new AudioSendStream.Setup(111, HeaderExtensionIds.NONE, "0", OpusEncoderConfig.DEFAULT));
        stream.accept(new short[960]);

        RtpPacketReader packet = new RtpPacketReader();
        assertThat(packet.wrap(sent.getFirst(), 0, sent.getFirst().length)).as("payload bytes").isPositive();
        assertThat(packet.hasExtension()).isFalse();
    }
}
