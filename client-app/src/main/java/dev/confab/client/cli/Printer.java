package dev.confab.client.cli;

import dev.confab.protocol.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes results for people (aligned, plain sentences) or, with {@code --json}, as one JSON object per line.
 * Errors and warnings go to standard error. Thread-safe: events printed from the client's event thread and
 * command output never interleave within a line.
 */
final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Printer(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A result: {@code human} for people, {@code object} for --json. */
    synchronized void result(String human, Map<String, ?> object) {
        if (json) {
            out.println(Json.encode(object));
        } else if (human != null) {
            out.println(human);
        }
        out.flush();
    }

    /** A line for people only (hints, headings); nothing in --json mode. */
    synchronized void say(String human) {
        if (!json) {
            out.println(human);
            out.flush();
        }
    }

    /** A JSON object only (--json mode). */
    synchronized void object(Map<String, ?> object) {
        if (json) {
            out.println(Json.encode(object));
            out.flush();
        }
    }

    /** A table for people: a header row and aligned columns. */
    synchronized void table(List<String> headers, List<List<String>> rows) {
        if (json) {
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i);
                line.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** A warning for people on standard error (in --json mode, a {"warning":...} object there). */
    synchronized void warn(String message) {
        if (json) {
            err.println(Json.encode(Map.of("warning", message)));
        } else {
            err.println(message);
        }
        err.flush();
    }

    /** An error on standard error. */
    synchronized void error(String message, String code, int exitCode) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("error", code == null ? "failure" : code);
            object.put("message", message);
            object.put("exitCode", exitCode);
            err.println(Json.encode(object));
        } else {
            err.println("Error: " + message);
        }
        err.flush();
    }

    /** A map with the given keys and values, in order; null values are left out. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
