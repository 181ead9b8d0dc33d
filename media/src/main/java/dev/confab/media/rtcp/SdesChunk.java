package dev.confab.media.rtcp;

import java.util.List;
import java.util.Optional;

/**
 * The items describing one source in an SDES packet (RFC 3550 6.5). Immutable.
 *
 * @param ssrc  the source (or CSRC) described
 * @param items its items, in order
 */
public record SdesChunk(int ssrc, List<SdesItem> items) {
    /** Copies the list. */
    public SdesChunk {
        items = List.copyOf(items);
    }

    /** The CNAME item's text, if there is one. */
    public Optional<String> cname() {
        return items.stream().filter(i -> i.type() == SdesItem.CNAME).map(SdesItem::text).findFirst();
    }

    /** Bytes on the wire: SSRC, items, the null item, padding to a word. */
    int size() {
        int bytes = 4 + 1;
        for (SdesItem item : items) {
            bytes += 2 + item.encoded().length;
        }
        return RtcpHeader.padded(bytes);
    }
}
