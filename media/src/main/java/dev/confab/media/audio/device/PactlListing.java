package dev.confab.media.audio.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses what {@code LC_ALL=C pactl list <things>} prints: one block per object ({@code Sink #3}), its fields as
 * {@code <tab>Name: value} and its properties as {@code <tab><tab>key = "value"}. Each object becomes a map holding
 * {@code #} (the index), its fields and its properties. Stateless and thread-safe.
 */
final class PactlListing {
    static final String INDEX = "#";

    private PactlListing() {}

    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> objects = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : text.split("\n")) {
            int hash = line.indexOf(" #");
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && hash > 0) {
                current = new HashMap<>();
                current.put(INDEX, line.substring(hash + 2).strip());
                objects.add(current);
            } else if (current != null && line.startsWith("\t\t")) {
                int equals = line.indexOf(" = ");
                if (equals > 0) {
                    current.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 3).strip()));
                }
            } else if (current != null && line.startsWith("\t")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    current.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        }
        return objects;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
