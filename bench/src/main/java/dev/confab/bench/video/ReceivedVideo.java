package dev.confab.bench.video;

import java.util.Locale;

/**
 * What one side of a call received over the counted time: the video's picture size at the end, its decoded frames a
 * second and bitrate over the time, and the audio packets that arrived. Immutable.
 *
 * @param width                picture width of the last decoded frame
 * @param height               picture height of the last decoded frame
 * @param framesPerSecond      frames decoded a second over the counted time
 * @param videoKilobitsPerSecond video payload kbit/s received over the counted time
 * @param audioPackets         audio packets received over the counted time
 */
public record ReceivedVideo(int width, int height, double framesPerSecond, double videoKilobitsPerSecond,
                            long audioPackets) {

    /** Such as {@code 640x480 at 29.9 fps, 998 kbit/s, 3000 audio packets}. */
    public String describe() {
        return String.format(Locale.ROOT, "%dx%d at %.1f fps, %.0f kbit/s, %d audio packets", width, height,
                framesPerSecond, videoKilobitsPerSecond, audioPackets);
    }
}
