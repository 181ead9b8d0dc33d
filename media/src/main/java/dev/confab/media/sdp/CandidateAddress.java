package dev.confab.media.sdp;

/**
 * Checks the address of an ICE candidate without resolving it: an IPv4 or IPv6 literal, or a host name such as
 * Chromium's mDNS {@code <uuid>.local} (RFC 8839 section 5.1 allows an FQDN). Stateless.
 */
final class CandidateAddress {
    private static final int MAX_NAME = 253;

    private CandidateAddress() {}

    static String check(String what, String address) {
        Tokens.word(what, address);
        if (!(isIpv4(address) || isIpv6(address) || isHostName(address))) {
            throw new IllegalArgumentException(what + " must be an IP address or a host name");
        }
        return address;
    }

    static boolean isIpv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(CandidateAddress::isAsciiDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String address) {
        if (address.indexOf(':') < 0 || address.length() > 45) {
            return false;
        }
        return address.chars().allMatch(c -> c == ':' || c == '.' || isAsciiDigit(c) || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F'));
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHostName(String address) {
        if (address.length() > MAX_NAME) {
            return false;
        }
        String[] labels = address.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63
                    || !label.chars().allMatch(c -> c == '-' || c == '_' || (c < 0x80 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(CandidateAddress::isAsciiDigit);
    }
}
