package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5763 section 5 and RFC 8842 section 5: the answerer picks; active is the DTLS client. */
class DtlsRoleTest {

    @ParameterizedTest(name = "offer {0}, answer {1}: offerer {2}, answerer {3}")
    @CsvSource({
        "ACTPASS, ACTIVE,  SERVER, CLIENT",
        "ACTPASS, PASSIVE, CLIENT, SERVER",
        "PASSIVE, ACTIVE,  SERVER, CLIENT",
        "ACTIVE,  PASSIVE, CLIENT, SERVER",
    })
    void theAnswerDecidesAndBothSidesAgree(DtlsSetup offer, DtlsSetup answer, DtlsRole offerer, DtlsRole answerer) {
        assertThat(DtlsRole.negotiate(offer, answer, true)).isEqualTo(offerer);
        assertThat(DtlsRole.negotiate(offer, answer, false)).isEqualTo(answerer);
    }

    @ParameterizedTest(name = "offer {0}, answer {1}")
    @CsvSource({
        "ACTPASS, ACTPASS", "ACTPASS, HOLDCONN", "ACTIVE, ACTIVE", "PASSIVE, PASSIVE", "ACTIVE, ACTPASS",
        "HOLDCONN, ACTIVE", "HOLDCONN, PASSIVE",
    })
    void pairsThatDoNotNameOneClientAndOneServerAreRefused(DtlsSetup offer, DtlsSetup answer) {
        assertThatThrownBy(() -> DtlsRole.negotiate(offer, answer, true))
                .isInstanceOf(DtlsException.class)
                .hasMessageContaining("a=setup:" + offer.sdpValue())
                .extracting(e -> ((DtlsException) e).reason()).isEqualTo(DtlsException.Reason.INVALID_SETUP);
    }

    @ParameterizedTest
    @CsvSource({"ACTPASS, ACTIVE", "PASSIVE, ACTIVE", "ACTIVE, PASSIVE"})
    void anAnswererAnswersActiveWheneverItMay(DtlsSetup offer, DtlsSetup answer) {
        assertThat(DtlsRole.answerTo(offer)).isEqualTo(answer);
        assertThat(DtlsRole.negotiate(offer, DtlsRole.answerTo(offer), false)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"actpass, ACTPASS", "ACTIVE, ACTIVE", " passive , PASSIVE", "holdconn, HOLDCONN"})
    void parsesTheAttributeValue(String value, DtlsSetup setup) {
        assertThat(DtlsSetup.parse(value)).isEqualTo(setup);
        assertThat(DtlsSetup.parse(setup.sdpValue())).isEqualTo(setup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "act", "actpassive", "activeactiveactive"})
    void refusesOtherValues(String value) {
        assertThatThrownBy(() -> DtlsSetup.parse(value)).isInstanceOf(DtlsException.class);
        assertThatThrownBy(() -> DtlsRole.answerTo(DtlsSetup.HOLDCONN)).isInstanceOf(DtlsException.class);
    }
}
