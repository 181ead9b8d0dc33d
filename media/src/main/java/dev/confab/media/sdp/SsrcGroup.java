package dev.confab.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code a=ssrc-group} (RFC 5576 section 4.2): a semantics such as {@code FID} (RTX, RFC 4588) and its SSRCs, in
 * order (for FID: the media SSRC, then the RTX SSRC). Immutable.
 *
 * @param semantics the semantics token
 * @param ssrcs     one or more SSRCs (0 to 2^32-1)
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    /** Flow identification: media SSRC then its retransmission SSRC. */
    public static final String FID = "FID";

    /** Validates and copies. */
    public SsrcGroup {
        Tokens.token("ssrc-group semantics", semantics);
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.isEmpty()) {
            throw new IllegalArgumentException("an ssrc-group needs at least one SSRC");
        }
        ssrcs.forEach(SsrcAttribute::checkSsrc);
    }

    static SsrcGroup fromSdpValue(String value) {
        List<String> fields = Tokens.fields("a=ssrc-group", value);
        List<Long> ssrcs = new ArrayList<>();
        for (String field : fields.subList(1, fields.size())) {
            ssrcs.add(SsrcAttribute.parseSsrc(field));
        }
        return new SsrcGroup(fields.getFirst(), ssrcs);
    }

    /** The attribute value. */
    public String toSdpValue() {
        StringBuilder value = new StringBuilder(semantics);
        ssrcs.forEach(ssrc -> value.append(' ').append(ssrc));
        return value.toString();
    }
}
