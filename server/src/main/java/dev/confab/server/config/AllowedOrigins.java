package dev.confab.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The web origins whose pages may use the server from a browser ({@code http.cors-allowed-origins}), each kept as a
 * browser serializes it in an {@code Origin} header: lower-case {@code scheme://host}, and {@code :port} only when
 * it is not the scheme's default. An {@code Origin} matches only exactly; {@code null} (a sandboxed page or a file)
 * never does. Immutable and thread-safe.
 *
 * @param origins the serialized origins, in the order written
 */
public record AllowedOrigins(Set<String> origins) {
    /** No browser page may use the server: the default. */
    public static final AllowedOrigins NONE = new AllowedOrigins(Set.of());

    public AllowedOrigins {
        origins = Set.copyOf(origins);
    }

    /**
     * Parses a comma-separated list such as {@code https://app.example.org, http://127.0.0.1:5173}; blank means
     * {@link #NONE}. Throws IllegalArgumentException naming the first entry that is not an http(s) origin.
     */
    public static AllowedOrigins parse(String list) {
        Set<String> origins = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .forEach(o -> origins.add(serialize(o)));
        return new AllowedOrigins(origins);
    }

    /** Whether a request's {@code Origin} header value is on the list; absent ({@code null}) is not. */
    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    private static String serialize(String entry) {
        if (entry.equals("*")) {
            throw notAnOrigin(entry, "list each origin; there is no wildcard");
        }
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw notAnOrigin(entry, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw notAnOrigin(entry, "the scheme must be http or https");
        };
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw notAnOrigin(entry, "expected scheme://host[:port]");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw notAnOrigin(entry, "an origin has no path, not even a trailing /");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return scheme + "://" + host + (port < 0 || port == defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException notAnOrigin(String entry, String reason) {
        return new IllegalArgumentException("'" + entry + "' is not an origin such as https://app.example.org ("
                + reason + ")");
    }
}
