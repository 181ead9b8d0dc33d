package dev.confab.media.video.pattern;

import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.frame.Psnr;
import java.util.OptionalDouble;

/**
 * How faithfully a received picture of the test pattern shows what was sent: its stamp says which frame it is, the
 * pattern draws that frame again, and the two are compared (luma PSNR). For measuring a video path end to end.
 *
 * <p>Thread contract: not thread-safe (it keeps a scratch picture); one per thread.
 */
public final class PatternFidelity {
    private final TestPattern pattern;
    private final I420Frame sent;

    /** Compares pictures with {@code pattern}'s frames (of its size). */
    public PatternFidelity(TestPattern pattern) {
        this.pattern = pattern;
        this.sent = I420Frame.allocate(pattern.size());
    }

    /** The luma PSNR of {@code received} against the frame its stamp names; empty if unstamped or of another size. */
    public OptionalDouble lumaPsnr(I420Frame received) {
        if (!received.size().equals(pattern.size())) {
            return OptionalDouble.empty();
        }
        return StampCode.read(received).map(stamp -> {
            pattern.render(stamp, sent);
            return OptionalDouble.of(Psnr.luma(received, sent));
        }).orElse(OptionalDouble.empty());
    }
}
