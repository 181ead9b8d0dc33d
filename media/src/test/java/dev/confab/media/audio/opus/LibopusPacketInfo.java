package dev.confab.media.audio.opus;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** libopus's own packet inspection, bound to the library {@link OpusLibrary} loaded: the oracle for {@link OpusPackets}. */
final class LibopusPacketInfo {
    static {
        Native.register(LibopusPacketInfo.class, NativeLibrary.getInstance(OpusLibrary.get().path()));
    }

    private LibopusPacketInfo() {}

    /** {@code opus_packet_get_nb_samples} at 48 kHz of the first {@code len} bytes (a status when negative). */
    static int samples(byte[] packet, int len) {
        return opus_packet_get_nb_samples(len == 0 ? new byte[1] : packet, len, OpusPackets.SAMPLE_RATE);
    }

    private static native int opus_packet_get_nb_samples(byte[] packet, int len, int sampleRate);
}
