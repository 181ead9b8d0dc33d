package dev.confab.media.rtp.rtx;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.PictureLossIndication;
import dev.confab.media.rtcp.RtcpCompound;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.video.vp8.Vp8AssemblerConfig;
import dev.confab.media.video.vp8.Vp8FrameAssembler;
import dev.confab.media.video.vp8.Vp8FrameBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The receiving end of a simulated video call for tests: RTX packets restored by an {@link RtxDepacketizer}, every
 * media packet reported to a {@link NackGenerator} and put into a {@link Vp8FrameAssembler}; NACKs sent as soon as
 * the generator finds them due (after each packet and at {@link NackGenerator#nextDueNanos()}), a PLI when the
 * assembler waits for a key frame or the generator gave a packet up (not before the first key frame had 200 ms to
 * come), repeated every 200 ms while it waits. Each frame
 * handed out is noted with its arrival time, and tells the generator that older packets are no longer needed.
 */
final class SimulatedVideoReceiver {
    static final int SSRC = 0x3456_789a;
    private static final long PLI_REPEAT_NANOS = 200_000_000L;

    /** A frame the assembler handed out, and when. */
    record ReceivedFrame(long timestamp, boolean key, long atNanos) {}

    private final EventLoop loop;
    private final boolean nack;
    private final RtpPacketReader reader = new RtpPacketReader();
    private final RtxDepacketizer depacketizer = new RtxDepacketizer(SimulatedVideoSender.RTX_SSRC,
            SimulatedVideoSender.MEDIA_SSRC, SimulatedVideoSender.PAYLOAD_TYPES);
    private final NackGenerator generator;
    private final Vp8FrameAssembler assembler;
    private final Vp8FrameBuffer frame = new Vp8FrameBuffer();
    private final int[] due = new int[NackRequests.MAX_ITEMS];
    private final byte[] rtcp = new byte[1500];
    private final List<ReceivedFrame> frames = new ArrayList<>();
    private SimulatedLink link;
    private long timerAt = Long.MAX_VALUE;
    private boolean started;
    private long nextPliAt;
    private long plis;
    private long nackPackets;

    /**
     * A receiver that sends NACKs if {@code nack} (otherwise its generator hears of no packet), with a generator whose
     * jitter {@code random} draws, and an assembler that waits {@code assemblerWaitMillis} for a missing packet.
     */
    SimulatedVideoReceiver(EventLoop loop, boolean nack, RandomGenerator random, int assemblerWaitMillis) {
        this.loop = loop;
        this.nack = nack;
        Vp8AssemblerConfig defaults = Vp8AssemblerConfig.defaults();
        this.assembler = new Vp8FrameAssembler(new Vp8AssemblerConfig(defaults.maxPackets(),
                defaults.maxPacketBytes(), defaults.maxFrameBytes(),
                assemblerWaitMillis * (Vp8AssemblerConfig.CLOCK_RATE / 1000)));
        this.generator = new NackGenerator(NackGeneratorConfig.defaults(), random);
    }

    void connect(SimulatedLink toSender) {
        this.link = toSender;
    }

    void setRoundTrip(long nanos) {
        generator.setRoundTrip(nanos);
    }

    /** A datagram from the sender. */
    void onRtp(byte[] datagram) {
        if (!started) {
            started = true;
            nextPliAt = loop.now() + PLI_REPEAT_NANOS; // the first key frame is on its way: no PLI for it yet
        }
        int length = datagram.length;
        if (reader.wrap(datagram, 0, length) < 0) {
            throw new AssertionError("the sender sent bad RTP");
        }
        if (reader.ssrc() == SimulatedVideoSender.RTX_SSRC) {
            length = depacketizer.restore(datagram, 0, length);
            if (length < 0 || reader.wrap(datagram, 0, length) < 0) {
                throw new AssertionError("RTX not restored: " + RtxFailure.of(length));
            }
        }
        if (nack) {
            generator.onPacket(reader.sequenceNumber(), loop.now());
        }
        assembler.insert(reader.sequenceNumber(), reader.timestamp(), reader.marker(), datagram,
                reader.payloadOffset(), reader.payloadLength());
        while (assembler.pollFrame(frame)) {
            frames.add(new ReceivedFrame(frame.timestamp(), frame.keyFrame(), loop.now()));
            generator.clearBefore(frame.firstSequence());
        }
        feedback();
    }

    List<ReceivedFrame> frames() {
        return frames;
    }

    long plis() {
        return plis;
    }

    long nackPackets() {
        return nackPackets;
    }

    NackStats nackStats() {
        return generator.stats();
    }

    RtxReceiveStats rtxStats() {
        return depacketizer.stats();
    }

    long unrecoverableLosses() {
        return assembler.stats().unrecoverableLosses();
    }

    private void feedback() {
        long now = loop.now();
        int count = generator.due(now, due);
        if (count > 0) {
            send(NackRequests.packets(SSRC, SimulatedVideoSender.MEDIA_SSRC, due, count, NackRequests.MAX_ITEMS));
        }
        boolean keyFrameNeeded = generator.pollKeyFrameRequest() || assembler.waitingForKeyFrame();
        if (keyFrameNeeded && now >= nextPliAt) {
            nextPliAt = now + PLI_REPEAT_NANOS;
            plis++;
            send(List.of(new PictureLossIndication(SSRC, SimulatedVideoSender.MEDIA_SSRC)));
        }
        long next = Math.min(generator.nextDueNanos(),
                assembler.waitingForKeyFrame() ? nextPliAt : Long.MAX_VALUE);
        if (next <= now) {
            throw new AssertionError("feedback due again at once: " + next + " at " + now);
        }
        if (next < timerAt || timerAt <= now) {
            timerAt = next;
            if (next != Long.MAX_VALUE) {
                loop.at(next, this::feedback);
            }
        }
    }

    private void send(List<? extends RtcpPacket> packets) {
        for (RtcpPacket packet : packets) {
            if (packet instanceof GenericNack) {
                nackPackets++;
            }
        }
        int length = RtcpCompound.marshal(packets, rtcp, 0);
        link.send(rtcp, 0, length);
    }
}
