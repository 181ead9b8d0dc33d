package dev.confab.media.sdp;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the attributes that may stand at session or media level: {@code ice-ufrag}, {@code ice-pwd},
 * {@code ice-options}, {@code fingerprint} (sha-256, through crypto's {@link CertificateFingerprint}) and
 * {@code setup} (crypto's {@link DtlsSetup}). Not thread-safe; one per section.
 */
final class TransportAttributeReader {
    private IceAttributes ice = IceAttributes.NONE;
    private final List<CertificateFingerprint> fingerprints = new ArrayList<>();
    private Optional<DtlsSetup> setup = Optional.empty();

    /** Reads the attribute if it is one of these; false if it is not (or is a fingerprint of another hash). */
    boolean read(AttributeLine a, String name) throws SdpParseException {
        switch (name) {
            case "ice-ufrag" -> ice = a.singleParsed(ice::withUfrag);
            case "ice-pwd" -> ice = a.singleParsed(ice::withPwd);
            case "ice-options" -> ice = a.singleParsed(value -> ice.withOptions(IceAttributes.optionsFromSdpValue(value)));
            case "fingerprint" -> {
                String value = a.value();
                if (!value.toLowerCase(Locale.ROOT).startsWith(CertificateFingerprint.HASH_FUNCTION + " ")) {
                    return false;
                }
                fingerprints.add(a.line().as(Reason.BAD_FINGERPRINT, () -> CertificateFingerprint.parse(value)));
            }
            case "setup" -> {
                setup = Optional.of(a.singleParsed(TransportAttributeReader::setup));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static DtlsSetup setup(String value) {
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException("a=setup has spaces around its value");
        }
        return DtlsSetup.parse(value);
    }

    IceAttributes ice() {
        return ice;
    }

    List<CertificateFingerprint> fingerprints() {
        return fingerprints;
    }

    Optional<DtlsSetup> setup() {
        return setup;
    }
}
