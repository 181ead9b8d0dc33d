package dev.confab.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code ## Examples} section of {@code docs/protocol.md}: every {@code ####} heading there names one
 * wire type and is followed by exactly one {@code ```json} block. Headings are {@code #### RecordName}
 * (optionally followed by {@code " — "} and where it is used) for REST bodies and inbox items, and
 * {@code #### `type.name` (client)} or {@code (server)} for WebSocket messages. Anything else under a
 * {@code ####} heading, a block without a heading, or a name shown twice is refused, so the section cannot
 * drift into a shape this reader skips.
 */
final class ProtocolDocExamples {
    /** The manual, relative to the module directory (Maven runs tests there). */
    static final Path DOC = Path.of("..", "docs", "protocol.md");

    private static final String SECTION = "## Examples";
    private static final Pattern BODY_HEADING = Pattern.compile("#### ([A-Z][A-Za-z0-9]*)(?: — .+)?");
    private static final Pattern MESSAGE_HEADING = Pattern.compile("#### `([a-z][a-z.]*)` \\((client|server)\\)");

    /** What an example shows. */
    enum Kind { BODY, CLIENT_MESSAGE, SERVER_MESSAGE }

    /** One example: what it names ({@code name} is a record's simple name or a message type) and its JSON. */
    record Example(Kind kind, String name, String heading, int line, String json) {
        /** Where the example is, for failure messages. */
        String where() {
            return "docs/protocol.md:" + line + " (" + heading + ")";
        }

        @Override
        public String toString() {
            return heading.substring("#### ".length());
        }
    }

    private ProtocolDocExamples() {}

    /** The examples of {@link #DOC}, in the order they appear. */
    static List<Example> read() {
        Path doc = DOC.toAbsolutePath().normalize();
        if (!Files.isRegularFile(doc)) {
            throw new IllegalStateException(doc + " not found; run the tests from the protocol module directory");
        }
        try {
            return parse(Files.readAllLines(doc, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples in the {@value #SECTION} section of a manual's lines. */
    static List<Example> parse(List<String> lines) {
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException("docs/protocol.md has no '" + SECTION + "' section");
        }
        List<Example> examples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String heading = null;
        int headingLine = 0;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.startsWith("#### ")) {
                if (heading != null) {
                    throw error(headingLine, "'" + heading + "' has no ```json block");
                }
                if (!BODY_HEADING.matcher(line).matches() && !MESSAGE_HEADING.matcher(line).matches()) {
                    throw error(number, "'" + line + "' is not '#### RecordName' or '#### `type` (client|server)'");
                }
                heading = line;
                headingLine = number;
            } else if (line.startsWith("```")) {
                if (!line.equals("```json")) {
                    throw error(number, "examples are ```json blocks, not '" + line + "'");
                }
                if (heading == null) {
                    throw error(number, "a ```json block without a '####' heading naming it");
                }
                int end = lines.subList(i + 1, lines.size()).indexOf("```");
                if (end < 0) {
                    throw error(number, "the ```json block is not closed");
                }
                String json = String.join("\n", lines.subList(i + 1, i + 1 + end));
                Example example = example(heading, headingLine, json);
                if (!seen.add(example.kind() + " " + example.name())) {
                    throw error(headingLine, "'" + heading + "' names a type that has an example already");
                }
                examples.add(example);
                heading = null;
                i += end + 1;
            }
        }
        if (heading != null) {
            throw error(headingLine, "'" + heading + "' has no ```json block");
        }
        return List.copyOf(examples);
    }

    private static Example example(String heading, int line, String json) {
        Matcher message = MESSAGE_HEADING.matcher(heading);
        if (message.matches()) {
            Kind kind = message.group(2).equals("client") ? Kind.CLIENT_MESSAGE : Kind.SERVER_MESSAGE;
            return new Example(kind, message.group(1), heading, line, json);
        }
        Matcher body = BODY_HEADING.matcher(heading);
        if (!body.matches()) {
            throw new IllegalArgumentException(heading);
        }
        return new Example(Kind.BODY, body.group(1), heading, line, json);
    }

    private static IllegalStateException error(int line, String message) {
        return new IllegalStateException("docs/protocol.md:" + line + ": " + message);
    }
}
