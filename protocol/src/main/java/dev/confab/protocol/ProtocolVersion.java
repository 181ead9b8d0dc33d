package dev.confab.protocol;

/**
 * The version of the signaling protocol. A client sends it in the {@value #HEADER} header of every request
 * and of the WebSocket upgrade; the server answers a major version it does not speak with
 * {@link ErrorCode#UNSUPPORTED_PROTOCOL}. Minor changes only add optional fields, which every reader ignores
 * when it does not know them. Stateless and thread-safe.
 */
public final class ProtocolVersion {
    /** The request header that carries the client's protocol version. */
    public static final String HEADER = "Confab-Protocol";
    /** The major version this build speaks. */
    public static final int CURRENT = 1;

    private ProtocolVersion() {}

    /** Whether a value of the {@value #HEADER} header names a version this build speaks; absent means current. */
    public static boolean isSupported(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return true;
        }
        try {
            return Integer.parseInt(headerValue.strip()) == CURRENT;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
