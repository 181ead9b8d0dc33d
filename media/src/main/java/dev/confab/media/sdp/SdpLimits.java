package dev.confab.media.sdp;

/**
 * The bounds the parser enforces before it allocates anything per line, so a hostile peer cannot make Confab hold
 * more than a few hundred KiB for one description. A Chromium offer with audio, video and all host candidates is
 * about 9 KiB in 190 lines.
 */
public final class SdpLimits {
    /** Longest description accepted, in characters. */
    public static final int MAX_CHARS = 64 * 1024;
    /** Most lines accepted. */
    public static final int MAX_LINES = 4096;
    /** Most media sections ({@code m=} lines) accepted. */
    public static final int MAX_MEDIA = 64;

    private SdpLimits() {}
}
