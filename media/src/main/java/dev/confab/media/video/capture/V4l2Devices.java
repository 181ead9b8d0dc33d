package dev.confab.media.video.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The V4L2 capture devices of a Linux machine ({@code /dev/video*} that capture video; the metadata nodes a UVC
 * camera also has are left out), named by their card names, with the modes {@link V4l2Query} finds. Two cameras of
 * the same model are told apart by their device paths. Stateless and thread-safe.
 */
final class V4l2Devices {
    private static final Path DEV = Path.of("/dev");
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");

    private V4l2Devices() {}

    static List<AvDeviceSource> list() {
        List<Path> nodes;
        try (Stream<Path> entries = Files.list(DEV)) {
            nodes = entries.filter(p -> VIDEO_NODE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(V4l2Devices::number)).toList();
        } catch (IOException e) {
            return List.of();
        }
        List<V4l2Query.Device> devices = new ArrayList<>();
        for (Path node : nodes) {
            V4l2Query.query(node.toString()).ifPresent(devices::add);
        }
        return sources(devices);
    }

    /** The sources for queried devices: card names, made unique with the device path where they repeat. */
    static List<AvDeviceSource> sources(List<V4l2Query.Device> devices) {
        Map<String, Long> counts = new HashMap<>();
        devices.forEach(d -> counts.merge(d.card(), 1L, Long::sum));
        return devices.stream().map(d -> new AvDeviceSource(
                counts.get(d.card()) > 1 ? d.card() + " (" + d.path() + ")" : d.card(), "v4l2", d.path(),
                V4l2Formats.modes(d.formats()))).toList();
    }

    private static int number(Path node) {
        Matcher matcher = VIDEO_NODE.matcher(node.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
