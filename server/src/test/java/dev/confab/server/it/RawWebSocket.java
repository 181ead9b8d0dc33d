package dev.confab.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A WebSocket client on a plain socket, for what the JDK client hides or does not allow: the status and JSON body
 * of a refused upgrade, a client that never answers pings (silent), and one that pings but never reads. It only
 * writes; nothing reads the socket unless {@link #response()} is called. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");
    private final Socket socket;

    private RawWebSocket(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects and sends the upgrade request. {@code receiveBuffer} bytes (0: the system's default) bound what the
     * kernel takes for the client before the server's writes stall; {@code version} null sends no protocol header.
     */
    static RawWebSocket upgrade(int port, String authorization, String version, int receiveBuffer) throws IOException {
        List<String> headers = new ArrayList<>(List.of("Authorization: " + authorization));
        if (version != null) {
            headers.add("Confab-Protocol: " + version);
        }
        return upgrade(port, headers, receiveBuffer);
    }

    /** Connects and sends the upgrade request with these header lines (such as {@code Origin: ...}) besides its own. */
    static RawWebSocket upgrade(int port, List<String> headers, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + headers.stream().map(h -> h + "\r\n").collect(Collectors.joining()) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new RawWebSocket(socket);
    }

    /** Reads the status line and headers of an accepted upgrade, up to the blank line that ends them. */
    String head() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads the answer to a refused upgrade: status line, headers and the whole body. */
    String response() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder response = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!complete(response.toString())) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    /** Sends a ping frame (masked, as a client's must be); the server notes the client is alive. */
    void ping() throws IOException {
        socket.getOutputStream().write(new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4});
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Whether a response with a Content-Length has arrived whole. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        Matcher length = CONTENT_LENGTH.matcher(response);
        return end >= 0 && length.find() && response.length() - end - 4 >= Integer.parseInt(length.group(1));
    }
}
