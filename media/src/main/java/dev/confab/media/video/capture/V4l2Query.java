package dev.confab.media.video.capture;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Asks a V4L2 device node what it is and what it offers, with the ioctls of the V4L2 API (linux/videodev2.h) through
 * JNA: {@code VIDIOC_QUERYCAP} (its card name, and whether it captures video), then {@code VIDIOC_ENUM_FMT},
 * {@code VIDIOC_ENUM_FRAMESIZES} and {@code VIDIOC_ENUM_FRAMEINTERVALS} for every pixel format, size and frame rate.
 * Ranges (stepwise or continuous sizes and intervals) are sampled at the usual webcam sizes and rates within them and
 * their largest. The device is opened without blocking and closed again; a device busy streaming elsewhere still
 * answers. Stateless and thread-safe.
 */
final class V4l2Query {
    /** One pixel format at one size and frame rate. */
    record Format(int fourcc, int width, int height, int frameRate) {}

    /** A capture device node, its card name and every format it lists. */
    record Device(String path, String card, List<Format> formats) {}

    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 0x800;
    // _IOR('V', 0, struct v4l2_capability) and _IOWR('V', n, ...) of linux/videodev2.h, for 64-bit Linux.
    private static final long VIDIOC_QUERYCAP = 0x80685600L;
    private static final long VIDIOC_ENUM_FMT = 0xc0405602L;
    private static final long VIDIOC_ENUM_FRAMESIZES = 0xc02c564aL;
    private static final long VIDIOC_ENUM_FRAMEINTERVALS = 0xc034564bL;
    private static final int CAPABILITY_BYTES = 104;
    private static final int FMTDESC_BYTES = 64;
    private static final int FRMSIZEENUM_BYTES = 44;
    private static final int FRMIVALENUM_BYTES = 52;
    private static final int CAP_VIDEO_CAPTURE = 0x1;
    private static final int CAP_DEVICE_CAPS = 0x80000000;
    private static final int BUF_TYPE_VIDEO_CAPTURE = 1;
    private static final int TYPE_DISCRETE = 1;
    /** A bound on every enumeration, against a driver that never says it is done. */
    private static final int MAX_ENTRIES = 64;
    private static final int[][] USUAL_SIZES = {{320, 240}, {640, 360}, {640, 480}, {1280, 720}, {1920, 1080}};
    private static final int[] USUAL_RATES = {15, 30, 60};

    /** The C library calls used here. */
    interface LibC extends Library {
        int open(String path, int flags);

        int close(int fd);

        int ioctl(int fd, NativeLong request, Pointer argument);
    }

    /** libc, loaded on first use (on Linux only). */
    private static final class C {
        static final LibC LIB = Native.load("c", LibC.class);
    }

    private V4l2Query() {}

    /** The device at {@code path}, if it can be opened and captures video. */
    static Optional<Device> query(String path) {
        LibC c = C.LIB;
        int fd = c.open(path, O_RDWR | O_NONBLOCK);
        if (fd < 0) {
            return Optional.empty();
        }
        try {
            Memory capability = new Memory(CAPABILITY_BYTES);
            capability.clear();
            if (c.ioctl(fd, new NativeLong(VIDIOC_QUERYCAP), capability) < 0) {
                return Optional.empty();
            }
            int capabilities = capability.getInt(84);
            if ((capabilities & CAP_DEVICE_CAPS) != 0) {
                capabilities = capability.getInt(88);
            }
            if ((capabilities & CAP_VIDEO_CAPTURE) == 0) {
                return Optional.empty();
            }
            String card = cString(capability, 16, 32);
            return Optional.of(new Device(path, card.isBlank() ? path : card, formats(c, fd)));
        } finally {
            c.close(fd);
        }
    }

    private static List<Format> formats(LibC c, int fd) {
        List<Format> formats = new ArrayList<>();
        enumerate(c, fd, VIDIOC_ENUM_FMT, FMTDESC_BYTES, description -> description.setInt(4, BUF_TYPE_VIDEO_CAPTURE),
                description -> {
                    int fourcc = description.getInt(44);
                    for (int[] size : sizes(c, fd, fourcc)) {
                        for (int rate : rates(c, fd, fourcc, size[0], size[1])) {
                            formats.add(new Format(fourcc, size[0], size[1], rate));
                        }
                    }
                    return true;
                });
        return formats;
    }

    private static List<int[]> sizes(LibC c, int fd, int fourcc) {
        List<int[]> sizes = new ArrayList<>();
        enumerate(c, fd, VIDIOC_ENUM_FRAMESIZES, FRMSIZEENUM_BYTES, size -> size.setInt(4, fourcc), size -> {
            if (size.getInt(8) == TYPE_DISCRETE) {
                sizes.add(new int[] {size.getInt(12), size.getInt(16)});
                return true;
            }
            int minWidth = size.getInt(12);
            int maxWidth = size.getInt(16);
            int minHeight = size.getInt(24);
            int maxHeight = size.getInt(28);
            for (int[] usual : USUAL_SIZES) {
                if (usual[0] >= minWidth && usual[0] <= maxWidth && usual[1] >= minHeight && usual[1] <= maxHeight) {
                    sizes.add(usual);
                }
            }
            sizes.add(new int[] {maxWidth, maxHeight});
            return false;
        });
        return sizes;
    }

    private static List<Integer> rates(LibC c, int fd, int fourcc, int width, int height) {
        List<Integer> rates = new ArrayList<>();
        enumerate(c, fd, VIDIOC_ENUM_FRAMEINTERVALS, FRMIVALENUM_BYTES, interval -> {
            interval.setInt(4, fourcc);
            interval.setInt(8, width);
            interval.setInt(12, height);
        }, interval -> {
            if (interval.getInt(16) == TYPE_DISCRETE) {
                rates.add(framesPerSecond(interval.getInt(20), interval.getInt(24)));
                return true;
            }
            int fastest = framesPerSecond(interval.getInt(20), interval.getInt(24));
            int slowest = framesPerSecond(interval.getInt(28), interval.getInt(32));
            IntStream.of(USUAL_RATES).filter(r -> r >= slowest && r < fastest).forEach(rates::add);
            rates.add(fastest);
            return false;
        });
        return rates;
    }

    /**
     * Runs one of V4L2's enumerations: the ioctl {@code request} on a struct of {@code bytes} whose first field is the
     * index, counted up from 0 (with the other input fields {@code prepare} sets), until the driver says there are no
     * more, {@code visit} returns false, or {@value #MAX_ENTRIES} entries.
     */
    private static void enumerate(LibC c, int fd, long request, int bytes, Consumer<Memory> prepare,
            Predicate<Memory> visit) {
        Memory struct = new Memory(bytes);
        for (int index = 0; index < MAX_ENTRIES; index++) {
            struct.clear();
            struct.setInt(0, index);
            prepare.accept(struct);
            if (c.ioctl(fd, new NativeLong(request), struct) < 0 || !visit.test(struct)) {
                return;
            }
        }
    }

    /** The frame rate of an interval of {@code numerator / denominator} seconds, rounded; 0 when it is none. */
    private static int framesPerSecond(int numerator, int denominator) {
        return numerator <= 0 || denominator <= 0 ? 0 : (int) Math.round(denominator / (double) numerator);
    }

    private static String cString(Memory memory, int offset, int length) {
        byte[] bytes = memory.getByteArray(offset, length);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
    }
}
