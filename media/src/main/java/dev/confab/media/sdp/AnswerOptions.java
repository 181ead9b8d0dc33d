package dev.confab.media.sdp;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Confab brings to an answer: its session id, its transport, the codec choice, the header extension URIs it
 * implements, and per media kind the direction it wants and the track it sends. Kinds missing from
 * {@code directions} are answered as {@code sendrecv} narrowed by the offer. Immutable.
 *
 * @param sessionId        the origin's session id (JSEP: random, below 2^63)
 * @param transport        ICE credentials and fingerprint
 * @param codecs           picks the payload types per media section
 * @param headerExtensions the {@code a=extmap} URIs kept from the offer
 * @param directions       the direction wanted per media kind
 * @param sendStreams      the track sent per media kind
 */
public record AnswerOptions(long sessionId, LocalTransport transport, CodecChoice codecs, Set<String> headerExtensions,
        Map<String, Direction> directions, Map<String, SendStream> sendStreams) {

    /** Validates and copies. */
    public AnswerOptions {
        Tokens.inRange("session id", sessionId, 0, Long.MAX_VALUE);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(codecs, "codecs");
        headerExtensions = Set.copyOf(headerExtensions);
        directions = Map.copyOf(directions);
        sendStreams = Map.copyOf(sendStreams);
    }

    /** Options that keep only the mid header extension, want sendrecv and announce no tracks. */
    public static AnswerOptions of(long sessionId, LocalTransport transport, CodecChoice codecs) {
        return new AnswerOptions(sessionId, transport, codecs, Set.of(Extmap.MID_URI), Map.of(), Map.of());
    }

    /** These options keeping these header extension URIs instead. */
    public AnswerOptions withHeaderExtensions(Set<String> uris) {
        return new AnswerOptions(sessionId, transport, codecs, uris, directions, sendStreams);
    }

    /** These options wanting these directions per media kind instead. */
    public AnswerOptions withDirections(Map<String, Direction> value) {
        return new AnswerOptions(sessionId, transport, codecs, headerExtensions, value, sendStreams);
    }

    /** These options announcing these tracks per media kind instead. */
    public AnswerOptions withSendStreams(Map<String, SendStream> value) {
        return new AnswerOptions(sessionId, transport, codecs, headerExtensions, directions, value);
    }
}
