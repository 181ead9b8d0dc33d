package dev.confab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.rest.InboxAck;
import dev.confab.protocol.rest.SetPresenceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]                      | malformed_json",
        "5                          | malformed_json",
        "null                       | malformed_json",
        "'\"text\"'                 | malformed_json",
        "{\"upToSeq\":               | malformed_json",
        "{\"upToSeq\":1}{}           | malformed_json",
        "{}                         | invalid_field",
        "{\"upToSeq\":\"x\"}         | invalid_field",
        "{\"upToSeq\":\"42\"}        | invalid_field",
        "{\"upToSeq\":1.5}           | invalid_field",
        "{\"upToSeq\":-1}            | invalid_field",
        "{\"upToSeq\":1,\"upToSeq\":2} | malformed_json",
    })
    void badBodiesGetTheirCode(String body, String code) {
        assertThatThrownBy(() -> Json.decode(body, InboxAck.class)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code().wire()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource({"online", "away", "busy"})
    void goodBodiesDecode(String state) {
        assertThat(Json.decode("{\"state\":\"" + state + "\",\"unknown\":1}", SetPresenceRequest.class).state().wire())
                .isEqualTo(state);
    }

    @Test
    void deepNestingIsTooLarge() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        assertThatThrownBy(() -> Json.decode(deep, InboxAck.class)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }
}
