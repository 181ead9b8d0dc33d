package dev.confab.bench.video;

import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;

/**
 * The call whose CPU is measured: both sides send audio and {@code size} video at {@code frameRate} capped at
 * {@code videoBitrate}; the first {@code warmUp} of the established call is not counted, the next {@code counted} is.
 * Immutable.
 *
 * @param size         the camera's picture size
 * @param frameRate    the camera's frames a second
 * @param videoBitrate the most video bit/s each side sends
 * @param warmUp       uncounted time after the call is established
 * @param counted      the time whose CPU is counted
 */
public record VideoCallPlan(FrameSize size, int frameRate, int videoBitrate, Duration warmUp, Duration counted) {
}
