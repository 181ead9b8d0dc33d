package dev.confab.media.video.capture;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_free_list_devices;
import static org.bytedeco.ffmpeg.global.avdevice.avdevice_list_input_sources;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.javacpp.BytePointer;

/**
 * This machine's cameras as avdevice sources, by platform: on Linux the V4L2 capture devices with their modes
 * ({@link V4l2Devices}); on Windows the DirectShow video devices FFmpeg lists ({@code dshow}, modes unknown); on macOS
 * the default camera through AVFoundation (FFmpeg cannot list them; modes unknown). Confab bundles FFmpeg's Linux
 * natives only, so the Windows and macOS paths need FFmpeg natives built for those platforms. Stateless and
 * thread-safe.
 */
final class SystemCameras {
    private SystemCameras() {}

    static List<AvDeviceSource> list() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return V4l2Devices.list();
        }
        if (os.contains("windows")) {
            return directShow();
        }
        if (os.contains("mac")) {
            return List.of(new AvDeviceSource("Default camera", "avfoundation", "default:none", List.of()));
        }
        return List.of();
    }

    /** DirectShow's video devices: listed by their friendly names, opened by their unique device names. */
    private static List<AvDeviceSource> directShow() {
        AvInput.registerDevices();
        AVInputFormat dshow = av_find_input_format("dshow");
        if (dshow == null) {
            return List.of();
        }
        AVDeviceInfoList list = new AVDeviceInfoList(null);
        if (avdevice_list_input_sources(dshow, (BytePointer) null, null, list) < 0 || list.isNull()) {
            return List.of();
        }
        List<AvDeviceSource> sources = new ArrayList<>();
        try {
            for (int i = 0; i < list.nb_devices(); i++) {
                AVDeviceInfo device = list.devices(i);
                if (isVideo(device)) {
                    sources.add(new AvDeviceSource(device.device_description().getString(), "dshow",
                            "video=" + device.device_name().getString(), List.of()));
                }
            }
        } finally {
            avdevice_free_list_devices(list);
        }
        return sources;
    }

    private static boolean isVideo(AVDeviceInfo device) {
        for (int i = 0; i < device.nb_media_types(); i++) {
            if (device.media_types().get(i) == AVMEDIA_TYPE_VIDEO) {
                return true;
            }
        }
        return false;
    }
}
