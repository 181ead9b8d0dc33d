package dev.confab.media.rtp.rtx;

import dev.confab.media.sdp.RtpFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which RTX payload type retransmits which media payload type: the {@code apt} parameters of the {@code rtx} formats
 * SDP negotiated (RFC 4588 section 8.1), one RTX payload type per media payload type. Immutable.
 */
public final class RtxPayloadTypes {
    private static final int TYPES = 128;
    private static final int NONE = -1;

    private final int[] associated = new int[TYPES];
    private final int[] retransmission = new int[TYPES];

    private RtxPayloadTypes() {
        Arrays.fill(associated, NONE);
        Arrays.fill(retransmission, NONE);
    }

    /**
     * The mapping {@code rtxToAssociated} (RTX payload type to the media payload type it carries), checked: payload
     * types 0-127, no media type mapped twice, no type both RTX and media.
     */
    public static RtxPayloadTypes of(Map<Integer, Integer> rtxToAssociated) {
        RtxPayloadTypes types = new RtxPayloadTypes();
        rtxToAssociated.forEach((rtx, media) -> {
            if (!types.add(rtx, media)) {
                throw new IllegalArgumentException("RTX payload type " + rtx + " for " + media
                        + ": types are 0-127, each media type has one RTX type, no type is both");
            }
        });
        return types;
    }

    /**
     * The mapping the {@code rtx} formats among {@code formats} give (a peer's or the agreed media section). Formats
     * that cannot be used are passed over rather than refused, as they come from the peer: a missing or bad
     * {@code apt}, a second RTX type for the same media type, a type both RTX and media.
     */
    public static RtxPayloadTypes fromFormats(Collection<RtpFormat> formats) {
        RtxPayloadTypes types = new RtxPayloadTypes();
        for (RtpFormat format : formats) {
            OptionalInt media = format.associatedPayloadType();
            if (media.isPresent()) {
                types.add(format.payloadType(), media.getAsInt());
            }
        }
        return types;
    }

    /** No RTX negotiated. */
    public static RtxPayloadTypes none() {
        return new RtxPayloadTypes();
    }

    /** The media payload type RTX payload type {@code rtx} carries, or -1 if it is no RTX type (or out of range). */
    public int associated(int rtx) {
        return rtx >= 0 && rtx < TYPES ? associated[rtx] : NONE;
    }

    /** The RTX payload type that retransmits media payload type {@code media}, or -1 if none. */
    public int retransmission(int media) {
        return media >= 0 && media < TYPES ? retransmission[media] : NONE;
    }

    /** Whether no pair is mapped. */
    public boolean isEmpty() {
        for (int media : associated) {
            if (media != NONE) {
                return false;
            }
        }
        return true;
    }

    private boolean add(int rtx, int media) {
        boolean usable = rtx >= 0 && rtx < TYPES && media >= 0 && media < TYPES && rtx != media
                && associated[rtx] == NONE && retransmission[media] == NONE
                && retransmission[rtx] == NONE && associated[media] == NONE;
        if (usable) {
            associated[rtx] = media;
            retransmission[media] = rtx;
        }
        return usable;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RtxPayloadTypes[");
        for (int rtx = 0; rtx < TYPES; rtx++) {
            if (associated[rtx] != NONE) {
                text.append(text.charAt(text.length() - 1) == '[' ? "" : ", ").append(rtx).append("->")
                        .append(associated[rtx]);
            }
        }
        return text.append(']').toString();
    }
}
