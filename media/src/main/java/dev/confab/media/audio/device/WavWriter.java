package dev.confab.media.audio.device;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes a 16-bit PCM WAV file as frames come, completing the header's sizes on {@link #close()}. Samples are gathered
 * in a {@value #BUFFER_BYTES}-byte buffer (0.68 s of 48 kHz mono) and written when it is full: one write a frame
 * made a recording thread's file writes cost about as much CPU as decoding the call's audio. So the file holds what was
 * written only once it is closed. The file is a {@link RandomAccessFile}, not an interruptible channel, so that
 * interrupting the writing thread (as {@link AudioThread} does to stop) cannot close it in the middle of a write and
 * leave the header unfinished. Used by one thread.
 */
public final class WavWriter implements AutoCloseable {
    /** Bytes gathered before a write to the file. */
    static final int BUFFER_BYTES = 1 << 16;

    private final RandomAccessFile file;
    private final int rate;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    private WavWriter(RandomAccessFile file, int rate, int channels) {
        this.file = file;
        this.rate = rate;
        this.channels = channels;
    }

    /** Creates (or replaces) {@code path} for audio of {@code rate} Hz and {@code channels} channels. */
    public static WavWriter create(Path path, int rate, int channels) throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            file.setLength(0);
            WavWriter writer = new WavWriter(file, rate, channels);
            writer.writeHeader();
            return writer;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Appends interleaved samples. */
    public void write(short[] samples, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            buffer.putShort(samples[i]);
        }
        dataBytes += 2L * length;
    }

    /** Writes what is buffered, completes the header and closes the file. */
    @Override
    public void close() throws IOException {
        try (file) {
            flush();
            writeHeader();
        }
    }

    private void flush() throws IOException {
        file.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /** Writes the header at the start and leaves the file positioned where the next samples go. */
    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(WavFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        WavFile.header(header, rate, channels, dataBytes);
        file.seek(0);
        file.write(header.array(), 0, WavFile.HEADER_BYTES);
        file.seek(WavFile.HEADER_BYTES + dataBytes);
    }
}
