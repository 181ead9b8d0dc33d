package dev.confab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.ProtocolDocExamples.Example;
import dev.confab.protocol.ProtocolDocExamples.Kind;
import dev.confab.protocol.inbox.InboxItem;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.protocol.ws.WsCodec;
import dev.confab.protocol.ws.WsCodec.Decoded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the examples of {@code docs/protocol.md} true: each one decodes into the type its heading names and
 * re-encodes to the same JSON tree (so no field is misspelt, unknown, missing or of the wrong type), shows every
 * field its record has, and every REST body, inbox item and WebSocket message type has one.
 *
 * <p>Absent and null: the codec leaves null fields out and never writes {@code null}, so an example leaves an
 * unset field out too (an explicit {@code null} fails the round trip). Examples show every field set, apart
 * from the few listed in {@link #MAY_BE_ABSENT}, which no single realistic body can fill.
 */
class ProtocolDocExamplesTest {
    private static final List<Example> EXAMPLES = ProtocolDocExamples.read();

    /** Packages a body example's record is looked up in, by simple name. */
    private static final List<String> BODY_PACKAGES =
            List.of("dev.confab.protocol.rest", "dev.confab.protocol.inbox", "dev.confab.protocol");

    /** Record fields an example may leave unset (Record.field), and why. */
    private static final Map<String, String> MAY_BE_ABSENT = Map.of(
            "NewContactRequest.userId", "a request names the user by username or by userId, never both",
            "IceServer.username", "STUN entries carry no credentials",
            "IceServer.credential", "STUN entries carry no credentials");

    static Stream<Example> bodies() {
        return EXAMPLES.stream().filter(e -> e.kind() == Kind.BODY);
    }

    static Stream<Example> clientMessages() {
        return EXAMPLES.stream().filter(e -> e.kind() == Kind.CLIENT_MESSAGE);
    }

    static Stream<Example> serverMessages() {
        return EXAMPLES.stream().filter(e -> e.kind() == Kind.SERVER_MESSAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void bodyExampleRoundTrips(Example example) {
        Object body;
        try {
            body = Json.decode(example.json(), bodyRecord(example));
        } catch (ProtocolException e) {
            throw new AssertionError(example.where() + " does not decode: " + e.code().wire() + ", " + e.getMessage()
                    + " " + e.details(), e);
        }
        assertRoundTrips(example, Json.encode(body));
        assertEveryFieldShown(example, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMessages")
    void clientMessageExampleRoundTrips(Example example) {
        ClientMessage message = decoded(example, WsCodec.decodeClient(example.json()));
        assertThat(typeName(ClientMessage.class, message.getClass())).as(example.where()).isEqualTo(example.name());
        assertRoundTrips(example, WsCodec.encode(message));
        assertEveryFieldShown(example, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverMessages")
    void serverMessageExampleRoundTrips(Example example) {
        ServerMessage message = decoded(example, WsCodec.decodeServer(example.json()));
        assertThat(typeName(ServerMessage.class, message.getClass())).as(example.where()).isEqualTo(example.name());
        assertRoundTrips(example, WsCodec.encode(message));
        assertEveryFieldShown(example, message);
    }

    @Test
    void everyBodyAndInboxItemHasAnExample() {
        Set<String> wanted = new TreeSet<>();
        recordsOfRestPackage().forEach(c -> wanted.add(c.getSimpleName()));
        typeClasses(InboxItem.class).forEach(c -> wanted.add(c.getSimpleName()));
        wanted.add(ErrorBody.class.getSimpleName());
        assertThat(missing(wanted, bodies())).as("records of the protocol with no example in docs/protocol.md").isEmpty();
    }

    @Test
    void everyClientMessageTypeHasAnExample() {
        assertThat(missing(typeNames(ClientMessage.class), clientMessages()))
                .as("ClientMessage types with no '#### `type` (client)' example in docs/protocol.md").isEmpty();
    }

    @Test
    void everyServerMessageTypeHasAnExample() {
        assertThat(missing(typeNames(ServerMessage.class), serverMessages()))
                .as("ServerMessage types with no '#### `type` (server)' example in docs/protocol.md").isEmpty();
    }

    private static <T> T decoded(Example example, Decoded<T> decoded) {
        return switch (decoded) {
            case Decoded.Ok<T> ok -> ok.message();
            case Decoded.Rejected<T> rejected -> throw new AssertionError(example.where() + " is rejected: "
                    + rejected.error().code().wire() + ", " + rejected.error().getMessage() + " " + rejected.error().details());
        };
    }

    private static void assertRoundTrips(Example example, String encoded) {
        List<String> differences = new ArrayList<>();
        compare(tree(example), tree(encoded), "$", differences);
        assertThat(differences).as(example.where() + " differs from its decoded and re-encoded form:\n"
                + "  example:    " + tree(example) + "\n  re-encoded: " + encoded).isEmpty();
    }

    /** Lists where {@code shown} (the example) and {@code encoded} differ, by JSON path. */
    private static void compare(JsonNode shown, JsonNode encoded, String path, List<String> out) {
        if (shown.isObject() && encoded.isObject()) {
            Set<String> names = new TreeSet<>();
            shown.fieldNames().forEachRemaining(names::add);
            encoded.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = path + "." + name;
                if (!encoded.has(name)) {
                    out.add(at + " is in the example but not in the record (misspelt, unknown, or null)");
                } else if (!shown.has(name)) {
                    out.add(at + " is missing from the example (re-encoded as " + encoded.get(name) + ")");
                } else {
                    compare(shown.get(name), encoded.get(name), at, out);
                }
            }
        } else if (shown.isArray() && encoded.isArray() && shown.size() == encoded.size()) {
            for (int i = 0; i < shown.size(); i++) {
                compare(shown.get(i), encoded.get(i), path + "[" + i + "]", out);
            }
        } else if (!shown.equals(encoded)) {
            out.add(path + " is " + shown + " in the example but re-encodes as " + encoded);
        }
    }

    private static void assertEveryFieldShown(Example example, Object decoded) {
        List<String> unset = new ArrayList<>();
        collectUnset(decoded, "$", unset);
        assertThat(unset).as(example.where() + " leaves fields unset; show every field the record has").isEmpty();
    }

    /** Paths of null record fields in {@code value}, except those in {@link #MAY_BE_ABSENT}. */
    private static void collectUnset(Object value, String path, List<String> out) {
        switch (value) {
            case Record r -> {
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    Object field = read(component, r);
                    String at = path + "." + component.getName();
                    if (field != null) {
                        collectUnset(field, at, out);
                    } else if (!MAY_BE_ABSENT.containsKey(r.getClass().getSimpleName() + "." + component.getName())) {
                        out.add(at);
                    }
                }
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    collectUnset(list.get(i), path + "[" + i + "]", out);
                }
            }
            case Map<?, ?> map -> map.forEach((k, v) -> collectUnset(v, path + "." + k, out));
            case null, default -> {}
        }
    }

    private static Object read(RecordComponent component, Record owner) {
        try {
            return component.getAccessor().invoke(owner);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** The record an example heading names, looked up by simple name in {@link #BODY_PACKAGES}. */
    private static Class<?> bodyRecord(Example example) {
        List<Class<?>> found = BODY_PACKAGES.stream()
                .<Class<?>>map(p -> classOrNull(p + "." + example.name()))
                .filter(c -> c != null && c.isRecord())
                .toList();
        if (found.size() != 1) {
            fail(example.where() + " names " + (found.isEmpty() ? "no record" : "several records " + found)
                    + " of " + BODY_PACKAGES);
        }
        return found.getFirst();
    }

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The records of {@code dev.confab.protocol.rest}, listed from the compiled classes of the module. */
    private static List<Class<?>> recordsOfRestPackage() {
        Path classes;
        try {
            classes = Path.of(RegisterRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dir = classes.resolve(RegisterRequest.class.getPackageName().replace('.', '/'));
        assertThat(dir).as("the rest package is read from a directory of classes").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> records = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .<Class<?>>map(n -> classOrNull(RegisterRequest.class.getPackageName() + "." + n.replace(".class", "")))
                    .filter(c -> c != null && c.isRecord())
                    .collect(Collectors.toList());
            assertThat(records).as("records found in " + dir).contains(RegisterRequest.class);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> missing(Set<String> wanted, Stream<Example> shown) {
        Set<String> missing = new TreeSet<>(wanted);
        shown.map(Example::name).forEach(missing::remove);
        return missing;
    }

    private static Set<String> typeNames(Class<?> family) {
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Class<?>> typeClasses(Class<?> family) {
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .toList();
    }

    private static String typeName(Class<?> family, Class<?> type) {
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .filter(t -> t.value() == type)
                .map(JsonSubTypes.Type::name)
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " is not a @JsonSubTypes type of " + family));
    }

    private static JsonNode tree(Example example) {
        try {
            return Json.mapper().readTree(example.json());
        } catch (JsonProcessingException e) {
            throw new AssertionError(example.where() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
