package dev.confab.media.audio.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes WAV files of 16-bit PCM (RIFF {@code WAVE} with a {@code fmt } chunk of format 1, or extensible
 * format 0xFFFE holding 16-bit samples). Unknown chunks are skipped; a data chunk claiming more bytes than the file
 * holds (as a recorder that was killed leaves it) is read up to the end. Stateless and thread-safe.
 */
public final class WavFile {
    /** Bytes of the canonical header {@link #marshal} writes. */
    public static final int HEADER_BYTES = 44;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHANNELS = 8;
    private static final int MAX_RATE = 384_000;

    private WavFile() {}

    public static PcmAudio read(Path file) throws IOException, WavFormatException {
        return parse(Files.readAllBytes(file));
    }

    public static void write(Path file, PcmAudio audio) throws IOException {
        Files.write(file, marshal(audio));
    }

    /** Parses a whole WAV file. */
    public static PcmAudio parse(byte[] file) throws WavFormatException {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || in.getInt(0) != tag("RIFF") || in.getInt(8) != tag("WAVE")) {
            throw new WavFormatException("not a RIFF WAVE file");
        }
        in.position(12);
        int channels = 0;
        int rate = 0;
        while (in.remaining() >= 8) {
            int id = in.getInt();
            long size = Integer.toUnsignedLong(in.getInt());
            if (id == tag("fmt ")) {
                if (size < 16 || size > in.remaining()) {
                    throw new WavFormatException("fmt chunk of " + size + " bytes");
                }
                int format = Short.toUnsignedInt(in.getShort(in.position()));
                channels = Short.toUnsignedInt(in.getShort(in.position() + 2));
                rate = in.getInt(in.position() + 4);
                int bits = Short.toUnsignedInt(in.getShort(in.position() + 14));
                if ((format != FORMAT_PCM && format != FORMAT_EXTENSIBLE) || bits != 16) {
                    throw new WavFormatException("not 16-bit PCM (format " + format + ", " + bits + " bits)");
                }
                if (channels < 1 || channels > MAX_CHANNELS || rate < 1 || rate > MAX_RATE) {
                    throw new WavFormatException(channels + " channels at " + rate + " Hz");
                }
            } else if (id == tag("data")) {
                if (channels == 0) {
                    throw new WavFormatException("data before the fmt chunk");
                }
                int bytes = (int) Math.min(size, in.remaining());
                short[] samples = new short[bytes / 2 / channels * channels];
                in.asShortBuffer().get(samples);
                return new PcmAudio(rate, channels, samples);
            }
            if (size + (size & 1) > in.remaining()) {
                break;
            }
            in.position(in.position() + (int) (size + (size & 1)));
        }
        throw new WavFormatException(channels == 0 ? "no fmt chunk" : "no data chunk");
    }

    /** The WAV file of {@code audio}: a 44-byte header and the samples. */
    public static byte[] marshal(PcmAudio audio) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 2 * audio.samples().length).order(ByteOrder.LITTLE_ENDIAN);
        header(out, audio.sampleRate(), audio.channels(), 2L * audio.samples().length);
        out.asShortBuffer().put(audio.samples());
        return out.array();
    }

    /** Writes the canonical 44-byte header for {@code dataBytes} of samples at the buffer's position. */
    static void header(ByteBuffer out, int rate, int channels, long dataBytes) {
        out.putInt(tag("RIFF")).putInt((int) (36 + dataBytes)).putInt(tag("WAVE"))
                .putInt(tag("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16)
                .putInt(tag("data")).putInt((int) dataBytes);
    }

    private static int tag(String fourCharacters) {
        return fourCharacters.charAt(0) | fourCharacters.charAt(1) << 8 | fourCharacters.charAt(2) << 16
                | fourCharacters.charAt(3) << 24;
    }
}
