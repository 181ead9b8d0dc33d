package dev.confab.media.video.capture;

import java.util.Comparator;
import java.util.List;

/**
 * Picks the device mode that serves a wanted mode best. Pictures are scaled down, never up, so only modes at least as
 * wide and as high as the wanted size qualify. Among those, frame rate comes first (motion suffers most from a low
 * rate): modes reaching the wanted rate are preferred; then the smallest picture (the least to convert and scale);
 * then the lowest rate that reaches the wanted one, or else the highest there is. Stateless and thread-safe.
 */
final class ModeChooser {
    private ModeChooser() {}

    /**
     * The mode to open the device in: {@code wanted} itself when the device does not list its modes.
     *
     * @throws CameraException {@code UNSUPPORTED_MODE} when no mode is large enough, saying what the camera offers
     */
    static CameraMode choose(String cameraName, List<CameraMode> offered, CameraMode wanted) throws CameraException {
        if (offered.isEmpty()) {
            return wanted;
        }
        List<CameraMode> large = offered.stream().filter(m -> m.covers(wanted.size())).toList();
        if (large.isEmpty()) {
            throw tooSmall(cameraName, offered, wanted);
        }
        boolean rateReachable = large.stream().anyMatch(m -> m.frameRate() >= wanted.frameRate());
        Comparator<CameraMode> byRate = rateReachable ? Comparator.comparingInt(CameraMode::frameRate)
                : Comparator.comparingInt(CameraMode::frameRate).reversed();
        return large.stream()
                .filter(m -> !rateReachable || m.frameRate() >= wanted.frameRate())
                .min(Comparator.comparingInt((CameraMode m) -> m.size().pixels()).thenComparing(byRate))
                .orElseThrow();
    }

    /** What a capture delivers from a device in {@code device} mode: the wanted size, at no more than the device's rate. */
    static CameraMode delivered(CameraMode device, CameraMode wanted) {
        return new CameraMode(wanted.size(), Math.min(device.frameRate(), wanted.frameRate()));
    }

    /** The refusal of a device whose pictures (in {@code offered}, or as it delivers them) are too small. */
    static CameraException tooSmall(String cameraName, List<CameraMode> offered, CameraMode wanted) {
        return new CameraException(CameraException.Kind.UNSUPPORTED_MODE, "Camera \"" + cameraName + "\" cannot deliver "
                + wanted.size() + " pictures: it offers " + offered + " and Confab does not scale pictures up");
    }
}
