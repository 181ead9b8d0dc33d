package dev.confab.client.ui.calls;

import dev.confab.client.ui.fx.VideoSurface;
import java.util.concurrent.Executor;

/**
 * The two pictures of one call: the peer's video ({@code remote}) and this device's camera ({@code self}). Immutable;
 * see {@link VideoSurface} for the surfaces' own thread contract.
 *
 * @param remote the peer's decoded video
 * @param self   this device's camera, as sent (the self-view)
 */
public record CallSurfaces(VideoSurface remote, VideoSurface self) {
    /** Two empty surfaces whose images change on {@code ui}. */
    public static CallSurfaces create(Executor ui) {
        return new CallSurfaces(new VideoSurface(ui), new VideoSurface(ui));
    }
}
