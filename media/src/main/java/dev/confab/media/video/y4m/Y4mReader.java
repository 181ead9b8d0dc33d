package dev.confab.media.video.y4m;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the I420 pictures of a YUV4MPEG2 file ({@code .y4m}) in 4:2:0 ({@code C420*}, or no colour space named),
 * progressive. A header or frame line that is not YUV4MPEG2 is refused with a {@link Y4mFormatException}.
 *
 * <p>Thread contract: not thread-safe; one thread reads, then closes.
 */
public final class Y4mReader implements AutoCloseable {
    private static final int MAX_LINE = 256;

    private final InputStream in;
    private final FrameSize size;

    private Y4mReader(InputStream in, FrameSize size) {
        this.in = in;
        this.size = size;
    }

    /** Opens {@code path} and reads its header. */
    public static Y4mReader open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 20);
        try {
            return new Y4mReader(in, header(line(in)));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The pictures' size. */
    public FrameSize size() {
        return size;
    }

    /** The next picture into {@code out} (resized to the file's size), or empty at the end of the file. */
    public Optional<I420Frame> next(I420Frame out) throws IOException {
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        String frameLine = (char) first + line(in);
        if (!frameLine.startsWith("FRAME")) {
            throw new Y4mFormatException("expected a FRAME line, found '" + frameLine + "'");
        }
        out.resize(size);
        int length = size.i420Bytes();
        if (in.readNBytes(out.data(), 0, length) != length) {
            throw new EOFException("the file ends inside a picture");
        }
        return Optional.of(out);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static FrameSize header(String line) throws Y4mFormatException {
        String[] fields = line.split(" ");
        if (!fields[0].equals("YUV4MPEG2")) {
            throw new Y4mFormatException("not a YUV4MPEG2 file");
        }
        int width = 0;
        int height = 0;
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i];
            if (field.isEmpty()) {
                continue;
            }
            String value = field.substring(1);
            switch (field.charAt(0)) {
                case 'W' -> width = number("width", value);
                case 'H' -> height = number("height", value);
                case 'C' -> {
                    if (!value.startsWith("420")) {
                        throw new Y4mFormatException("colour space " + value + " is not 4:2:0");
                    }
                }
                case 'I' -> {
                    if (!value.equals("p") && !value.equals("?")) {
                        throw new Y4mFormatException("interlaced pictures (" + value + ") are not read");
                    }
                }
                default -> { }
            }
        }
        try {
            return new FrameSize(width, height);
        } catch (IllegalArgumentException e) {
            throw new Y4mFormatException("size " + width + "x" + height + ": " + e.getMessage());
        }
    }

    private static int number(String what, String value) throws Y4mFormatException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Y4mFormatException(what + " '" + value + "' is not a number");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the file ends inside a header line");
            }
            if (line.length() == MAX_LINE) {
                throw new Y4mFormatException("a header line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
