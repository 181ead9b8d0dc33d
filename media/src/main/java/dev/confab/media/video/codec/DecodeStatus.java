package dev.confab.media.video.codec;

/** What {@link Vp8Decoder#decode} did with one compressed frame. Immutable. */
public enum DecodeStatus {
    /** The frame decoded: the output holds its picture. */
    DECODED,
    /** The frame decoded but is not to be shown (an alternate reference frame): the output is unchanged. */
    HIDDEN,
    /**
     * A delta frame arrived while the decoder has no picture to apply it to (before the first keyframe, or since an
     * error): it was dropped undecoded. Ask the sender for a keyframe (PLI).
     */
    NEEDS_KEYFRAME,
    /** The decoder refused the frame as malformed or truncated; it now waits for a keyframe. */
    CORRUPT,
    /**
     * The frame is larger (bytes, or a keyframe's width and height) than this decoder accepts; it waits for a
     * keyframe.
     */
    TOO_LARGE
}
