package dev.confab.media.audio.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit PCM WAV file as frames come, completing the header's sizes on {@link #close()}. Used by one thread.
 */
public final class WavWriter implements AutoCloseable {
    private final FileChannel file;
    private final int rate;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocate(2 * AudioFrames.SAMPLES_PER_FRAME * 2)
            .order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    private WavWriter(FileChannel file, int rate, int channels) {
        this.file = file;
        this.rate = rate;
        this.channels = channels;
    }

    /** Creates (or replaces) {@code path} for audio of {@code rate} Hz and {@code channels} channels. */
    public static WavWriter create(Path path, int rate, int channels) throws IOException {
        WavWriter writer = new WavWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), rate, channels);
        writer.writeHeader();
        return writer;
    }

    /** Appends interleaved samples. */
    public void write(short[] samples, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; ) {
            buffer.clear();
            while (buffer.remaining() >= 2 && i < offset + length) {
                buffer.putShort(samples[i++]);
            }
            buffer.flip();
            dataBytes += buffer.remaining();
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
        }
    }

    /** Completes the header and closes the file. */
    @Override
    public void close() throws IOException {
        try (file) {
            writeHeader();
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(WavFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        WavFile.header(header, rate, channels, dataBytes);
        header.flip();
        file.write(header, 0);
        if (file.position() < WavFile.HEADER_BYTES) {
            file.position(WavFile.HEADER_BYTES);
        }
    }
}
