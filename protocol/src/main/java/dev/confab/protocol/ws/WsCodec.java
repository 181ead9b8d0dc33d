package dev.confab.protocol.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import dev.confab.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes WebSocket text frames. Decoding never throws: a frame that is not a valid message becomes
 * a {@link Decoded.Rejected} carrying the message id when one could be read, so the server can answer it and
 * keep the connection. Stateless and thread-safe.
 */
public final class WsCodec {
    /**
     * Largest frame accepted by the decoders without a limit argument (the server's default
     * {@code limits.max-ws-frame-bytes}); bigger ones are refused with {@code too_large}.
     */
    public static final int MAX_FRAME_BYTES = 128 * 1024;

    private WsCodec() {}

    /** The result of decoding one frame. */
    public sealed interface Decoded<T> {
        /** A valid message. */
        record Ok<T>(T message) implements Decoded<T> {}

        /** An invalid frame; {@code id} is the message id if the frame had a readable one, else null. */
        record Rejected<T>(String id, ProtocolException error) implements Decoded<T> {}
    }

    /** Decodes a frame a client sent, of at most {@link #MAX_FRAME_BYTES}. */
    public static Decoded<ClientMessage> decodeClient(String frame) {
        return decodeClient(frame, MAX_FRAME_BYTES);
    }

    /** Decodes a frame a client sent, of at most {@code maxFrameBytes} UTF-8 bytes (the server's setting). */
    public static Decoded<ClientMessage> decodeClient(String frame, int maxFrameBytes) {
        return decode(frame, ClientMessage.class, maxFrameBytes);
    }

    /** Decodes a frame the server sent, of at most {@link #MAX_FRAME_BYTES}. */
    public static Decoded<ServerMessage> decodeServer(String frame) {
        return decode(frame, ServerMessage.class, MAX_FRAME_BYTES);
    }

    /** Encodes a message of either direction as a text frame. */
    public static String encode(Object message) {
        return Json.encode(message);
    }

    private static <T> Decoded<T> decode(String frame, Class<T> type, int maxFrameBytes) {
        if (frame == null || frame.isEmpty()) {
            return new Decoded.Rejected<>(null, new ProtocolException(ErrorCode.MALFORMED_JSON, "Empty frame"));
        }
        if (frame.length() > maxFrameBytes || frame.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            return new Decoded.Rejected<>(null, new ProtocolException(ErrorCode.TOO_LARGE,
                    "Frames may be at most " + maxFrameBytes + " bytes"));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(frame);
        } catch (IOException e) {
            return new Decoded.Rejected<>(null, Json.translate(e));
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Rejected<>(null, new ProtocolException(ErrorCode.MALFORMED_JSON,
                    "A frame must be a JSON object with a type"));
        }
        JsonNode idNode = tree.get("id");
        String id = idNode != null && idNode.isTextual() && idNode.textValue().length() <= 64 ? idNode.textValue() : null;
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return new Decoded.Rejected<>(id, new ProtocolException(ErrorCode.UNKNOWN_TYPE, "A frame needs a string 'type'"));
        }
        try {
            return new Decoded.Ok<>(Json.mapper().treeToValue(tree, type));
        } catch (IOException | IllegalArgumentException e) {
            return new Decoded.Rejected<>(id, Json.translate(e));
        }
    }
}
