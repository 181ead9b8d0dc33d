package dev.confab.client.core.api;

import dev.confab.protocol.ErrorBody;
import dev.confab.protocol.Json;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ProtocolVersion;
import dev.confab.protocol.rest.Account;
import dev.confab.protocol.rest.BlockList;
import dev.confab.protocol.rest.ChangePasswordRequest;
import dev.confab.protocol.rest.Contact;
import dev.confab.protocol.rest.ContactList;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.DeleteAccountRequest;
import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.protocol.rest.DeviceList;
import dev.confab.protocol.rest.Health;
import dev.confab.protocol.rest.InboxAck;
import dev.confab.protocol.rest.InboxPage;
import dev.confab.protocol.rest.LoginRequest;
import dev.confab.protocol.rest.LoginResponse;
import dev.confab.protocol.rest.MessagePage;
import dev.confab.protocol.rest.NewContactRequest;
import dev.confab.protocol.rest.ReadReceiptRequest;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import dev.confab.protocol.rest.SessionList;
import dev.confab.protocol.rest.SetPresenceRequest;
import dev.confab.protocol.rest.TurnCredentials;
import dev.confab.protocol.rest.UserKeys;
import dev.confab.protocol.rest.UserSummary;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One typed method per REST endpoint of protocol version 1 (see {@code docs/protocol.md}). Every request carries
 * {@code Confab-Protocol: 1} and, once {@link #token(String) a token is set}, the bearer token. A refusal,
 * a network failure or an unreadable answer is an {@link ApiException}.
 *
 * <p>Methods block on the network: call them from a background thread, never from a UI thread. Thread-safe;
 * the token may be changed at any time and applies to the requests that start afterwards.
 */
public final class ConfabApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] EMPTY = new byte[0];

    private final HttpUrl base;
    private final OkHttpClient http;
    private volatile String token;

    /**
     * @param baseUrl the server, such as {@code http://127.0.0.1:8470}
     * @param http the shared OkHttp client (its timeouts apply)
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL
     */
    public ConfabApi(String baseUrl, OkHttpClient http) {
        this.base = parseBase(baseUrl);
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Parses a server address, accepting a missing scheme ({@code host:port} means http). */
    public static HttpUrl parseBase(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String url = baseUrl.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not a server address such as http://127.0.0.1:8470");
        }
        return parsed;
    }

    /** The server's base URL. */
    public HttpUrl baseUrl() {
        return base;
    }

    /** The server's address as people write it, without a trailing slash. */
    public String address() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The OkHttp client this API uses (the event stream shares it). */
    public OkHttpClient http() {
        return http;
    }

    /** Sets (or clears, with null) the bearer token sent with every request. */
    public void token(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    // ---- accounts and sessions

    public Account register(RegisterRequest body) {
        return call("POST", "api/v1/accounts", body, Account.class);
    }

    public Account me() {
        return call("GET", "api/v1/accounts/me", null, Account.class);
    }

    public void changePassword(ChangePasswordRequest body) {
        call("PUT", "api/v1/accounts/me/password", body, Void.class);
    }

    public void deleteAccount(DeleteAccountRequest body) {
        call("DELETE", "api/v1/accounts/me", body, Void.class);
    }

    public LoginResponse login(LoginRequest body) {
        return call("POST", "api/v1/sessions", body, LoginResponse.class);
    }

    public SessionList sessions() {
        return call("GET", "api/v1/sessions", null, SessionList.class);
    }

    /** Signs this session out ({@code DELETE /api/v1/sessions/current}). */
    public void logout() {
        call("DELETE", "api/v1/sessions/current", null, Void.class);
    }

    public void revokeSession(String sessionId) {
        call("DELETE", at("api/v1/sessions", sessionId, null), null, Void.class);
    }

    // ---- devices and keys

    public DeviceList devices() {
        return call("GET", "api/v1/devices", null, DeviceList.class);
    }

    public void removeDevice(String deviceId) {
        call("DELETE", at("api/v1/devices", deviceId, null), null, Void.class);
    }

    public void uploadKeys(DeviceKeysUpload body) {
        call("PUT", "api/v1/devices/current/keys", body, Void.class);
    }

    public UserKeys userKeys(String userId) {
        return call("GET", at("api/v1/users", userId, "keys"), null, UserKeys.class);
    }

    // ---- users, contacts, blocks, presence

    /** Looks a user up by exact username ({@code user_not_found} when there is none). */
    public UserSummary findUser(String username) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/users").addQueryParameter("username", username).build();
        return execute("GET", url, null, UserSummary.class);
    }

    public ContactList contacts() {
        return call("GET", "api/v1/contacts", null, ContactList.class);
    }

    public void removeContact(String userId) {
        call("DELETE", at("api/v1/contacts", userId, null), null, Void.class);
    }

    public ContactRequestList contactRequests() {
        return call("GET", "api/v1/contact-requests", null, ContactRequestList.class);
    }

    public ContactRequest requestContact(NewContactRequest body) {
        return call("POST", "api/v1/contact-requests", body, ContactRequest.class);
    }

    public Contact acceptRequest(String requestId) {
        return call("POST", at("api/v1/contact-requests", requestId, "accept"), null, Contact.class);
    }

    public void declineRequest(String requestId) {
        call("POST", at("api/v1/contact-requests", requestId, "decline"), null, Void.class);
    }

    public void cancelRequest(String requestId) {
        call("DELETE", at("api/v1/contact-requests", requestId, null), null, Void.class);
    }

    public BlockList blocks() {
        return call("GET", "api/v1/blocks", null, BlockList.class);
    }

    public void block(String userId) {
        call("PUT", at("api/v1/blocks", userId, null), null, Void.class);
    }

    public void unblock(String userId) {
        call("DELETE", at("api/v1/blocks", userId, null), null, Void.class);
    }

    public void setPresence(SetPresenceRequest body) {
        call("PUT", "api/v1/presence", body, Void.class);
    }

    // ---- chat

    public SendMessageResponse sendMessage(SendMessageRequest body) {
        return call("POST", "api/v1/messages", body, SendMessageResponse.class);
    }

    public void markRead(ReadReceiptRequest body) {
        call("POST", "api/v1/messages/read", body, Void.class);
    }

    /** A page of the conversation's metadata, newest first; {@code before} may be null for the newest page. */
    public MessagePage conversation(String userId, String before, int limit) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1/conversations")
                .addPathSegment(userId).addPathSegment("messages")
                .addQueryParameter("limit", Integer.toString(limit));
        if (before != null) {
            url.addQueryParameter("before", before);
        }
        return execute("GET", url.build(), null, MessagePage.class);
    }

    public InboxPage inbox(int limit) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/inbox")
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return execute("GET", url, null, InboxPage.class);
    }

    public void ackInbox(InboxAck body) {
        call("POST", "api/v1/inbox/ack", body, Void.class);
    }

    // ---- TURN and health

    public TurnCredentials turnCredentials() {
        return call("GET", "api/v1/turn-credentials", null, TurnCredentials.class);
    }

    public Health health() {
        return call("GET", "health", null, Health.class);
    }

    // ---- plumbing

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return execute(method, base.newBuilder().addPathSegments(path).build(), body, type);
    }

    private <T> T call(String method, HttpUrl url, Object body, Class<T> type) {
        return execute(method, url, body, type);
    }

    /** {@code prefix/id[/suffix]} with {@code id} encoded as exactly one path segment, whatever it holds. */
    private HttpUrl at(String prefix, String id, String suffix) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments(prefix).addPathSegment(Objects.requireNonNull(id, "id"));
        if (suffix != null) {
            url.addPathSegments(suffix);
        }
        return url.build();
    }

    private <T> T execute(String method, HttpUrl url, Object body, Class<T> type) {
        Request.Builder request = new Request.Builder().url(url)
                .header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT))
                .header("Accept", "application/json");
        String bearer = token;
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        RequestBody requestBody = null;
        if (body != null) {
            requestBody = RequestBody.create(Json.encode(body), JSON);
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            requestBody = RequestBody.create(EMPTY, JSON);
        }
        request.method(method, requestBody);
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] bytes = response.body().bytes();
            if (!response.isSuccessful()) {
                throw refusal(response, bytes);
            }
            if (type == Void.class) {
                return null;
            }
            try {
                return Json.decode(bytes, type);
            } catch (ProtocolException e) {
                throw ApiException.badResponse("The server sent an answer this client cannot read (" + e.getMessage()
                        + "); is it a Confab server of a compatible version?", e);
            }
        } catch (IOException e) {
            throw ApiException.unreachable(base.toString(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // OkHttp, written in Kotlin, lets an interrupted wait's InterruptedException through undeclared.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ApiException.interrupted(e);
        }
    }

    private static ApiException refusal(Response response, byte[] bytes) {
        int status = response.code();
        ErrorBody error = null;
        try {
            error = bytes.length == 0 ? null : Json.decode(bytes, ErrorBody.class);
        } catch (ProtocolException ignored) {
            // Not a Confab error body (a proxy's page, say): fall back to the status below.
        }
        Map<String, Object> details = error == null ? Map.of() : error.details();
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null && !details.containsKey("retryAfterSeconds")) {
            try {
                details = new java.util.HashMap<>(details);
                details.put("retryAfterSeconds", Long.parseLong(retryAfter.strip()));
            } catch (NumberFormatException ignored) {
                // An HTTP date instead of seconds: keep the details as they are.
            }
        }
        if (error == null || error.code() == null) {
            if (status == 502 || status == 503 || status == 504) {
                return ApiException.server(status, "unavailable", "The server cannot serve right now (HTTP " + status + "); try again shortly.", details);
            }
            return ApiException.badResponse("The server answered HTTP " + status + " without a Confab error body", null);
        }
        return ApiException.server(status, error.code(), error.message(), details);
    }
}
