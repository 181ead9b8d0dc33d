package dev.confab.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The ICE attributes of a session or media section (RFC 8839 section 5.4-5.6): {@code a=ice-ufrag},
 * {@code a=ice-pwd} and {@code a=ice-options} (such as {@code trickle}). Candidates belong to media sections and live
 * there. Immutable.
 *
 * @param ufrag   4 to 256 ice-chars
 * @param pwd     22 to 256 ice-chars
 * @param options option tags in order
 */
public record IceAttributes(Optional<String> ufrag, Optional<String> pwd, List<String> options) {
    /** No ICE attributes. */
    public static final IceAttributes NONE = new IceAttributes(Optional.empty(), Optional.empty(), List.of());
    /** The {@code trickle} option (RFC 8840). */
    public static final String TRICKLE = "trickle";

    /** Validates and copies. */
    public IceAttributes {
        ufrag.ifPresent(IceAttributes::checkUfrag);
        pwd.ifPresent(IceAttributes::checkPwd);
        options = List.copyOf(options);
        options.forEach(IceAttributes::checkOption);
    }

    /** Credentials with the given options. */
    public static IceAttributes of(String ufrag, String pwd, List<String> options) {
        return new IceAttributes(Optional.of(ufrag), Optional.of(pwd), options);
    }

    /** These attributes, each one that is absent taken from {@code session} (RFC 8839 section 5.4). */
    public IceAttributes orElse(IceAttributes session) {
        return new IceAttributes(ufrag.or(session::ufrag), pwd.or(session::pwd),
                options.isEmpty() ? session.options : options);
    }

    IceAttributes withUfrag(String value) {
        return new IceAttributes(Optional.of(value), pwd, options);
    }

    IceAttributes withPwd(String value) {
        return new IceAttributes(ufrag, Optional.of(value), options);
    }

    IceAttributes withOptions(List<String> value) {
        return new IceAttributes(ufrag, pwd, value);
    }

    static String checkUfrag(String value) {
        return Tokens.iceChars("ice-ufrag", value, 4, 256);
    }

    static String checkPwd(String value) {
        return Tokens.iceChars("ice-pwd", value, 22, 256);
    }

    static List<String> optionsFromSdpValue(String value) {
        return Tokens.fields("a=ice-options", value);
    }

    private static void checkOption(String option) {
        Tokens.iceChars("ice option", option, 1, 256);
    }
}
