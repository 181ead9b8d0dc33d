package dev.confab.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one JSON configuration both ends use: unknown fields ignored (a newer peer may add some), nulls left
 * out, bounded nesting and string sizes, and every decoding failure turned into a {@link ProtocolException}
 * with a clear reason. The mapper is immutable once built and safe to share between threads.
 */
public final class Json {
    /** Deepest nesting any protocol body needs, with room to spare. */
    public static final int MAX_NESTING = 16;
    /** Longest single string in any body (an SDP or a sealed envelope fits easily). */
    public static final int MAX_STRING = 512 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING)
                            .maxNumberLength(32)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // "42" is not a number, 1 is not a string
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {}

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Decodes a body into {@code type}, or throws a {@link ProtocolException} saying what is wrong with it. */
    public static <T> T decode(byte[] body, Class<T> type) {
        try {
            if (body == null || body.length == 0) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body is empty; a JSON object is expected");
            }
            JsonNode tree = MAPPER.readValue(body, JsonNode.class);
            if (tree == null || !tree.isObject()) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object");
            }
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body is null; a JSON object is expected");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw translate(e);
        }
    }

    /** Decodes a body into {@code type}, or throws a {@link ProtocolException} saying what is wrong with it. */
    public static <T> T decode(String body, Class<T> type) {
        return decode(body == null ? null : body.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Encodes a value as a JSON string. */
    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** The protocol error for a Jackson failure: the field it concerns when known, never Jackson's internals. */
    public static ProtocolException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException p) {
                return p;
            }
        }
        if (e instanceof InvalidTypeIdException t) {
            return new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "Unknown message type '" + t.getTypeId() + "'", Map.of("type", String.valueOf(t.getTypeId())));
        }
        if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException
                || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            if (!field.isEmpty()) {
                return Fields.invalid(field, "Field '" + field + "' has a missing or wrong value");
            }
            if (e instanceof MismatchedInputException) {
                // At the root: not an object, or more JSON after it.
                return new ProtocolException(ErrorCode.MALFORMED_JSON, "The body must be exactly one JSON object");
            }
            return new ProtocolException(ErrorCode.INVALID_FIELD, "The JSON does not have the expected shape");
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            String field = path(m);
            return Fields.invalid(field, "Field '" + field + "' has a missing or wrong value");
        }
        if (e instanceof StreamConstraintsException) {
            return new ProtocolException(ErrorCode.TOO_LARGE, "The JSON is nested too deeply or holds a value that is too long");
        }
        return new ProtocolException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
