package dev.confab.media.stun;

import java.util.Arrays;

/** Turns one attribute's type and value into its record; types Confab does not know become {@link RawAttribute}. */
final class AttributeParser {
    private AttributeParser() {}

    static StunAttribute parse(int type, byte[] buf, int off, int len, TransactionId id) throws AttributeFormatException {
        return switch (type) {
            case MappedAddress.TYPE -> MappedAddress.parse(buf, off, len, id);
            case XorMappedAddress.TYPE -> XorMappedAddress.parse(buf, off, len, id);
            case AlternateServer.TYPE -> AlternateServer.parse(buf, off, len, id);
            case XorPeerAddress.TYPE -> XorPeerAddress.parse(buf, off, len, id);
            case XorRelayedAddress.TYPE -> XorRelayedAddress.parse(buf, off, len, id);
            case Username.TYPE -> Username.parse(buf, off, len);
            case Realm.TYPE -> Realm.parse(buf, off, len);
            case Nonce.TYPE -> Nonce.parse(buf, off, len);
            case Software.TYPE -> Software.parse(buf, off, len);
            case MessageIntegrity.TYPE -> MessageIntegrity.parse(buf, off, len);
            case MessageIntegritySha256.TYPE -> MessageIntegritySha256.parse(buf, off, len);
            case Fingerprint.TYPE -> Fingerprint.parse(buf, off, len);
            case ErrorCode.TYPE -> ErrorCode.parse(buf, off, len);
            case UnknownAttributes.TYPE -> UnknownAttributes.parse(buf, off, len);
            case Priority.TYPE -> Priority.parse(buf, off, len);
            case UseCandidate.TYPE -> UseCandidate.parse(len);
            case IceControlled.TYPE -> IceControlled.parse(buf, off, len);
            case IceControlling.TYPE -> IceControlling.parse(buf, off, len);
            case ChannelNumber.TYPE -> ChannelNumber.parse(buf, off, len);
            case Lifetime.TYPE -> Lifetime.parse(buf, off, len);
            case Data.TYPE -> Data.parse(buf, off, len);
            case RequestedTransport.TYPE -> RequestedTransport.parse(buf, off, len);
            case DontFragment.TYPE -> DontFragment.parse(len);
            default -> new RawAttribute(type, Arrays.copyOfRange(buf, off, off + len));
        };
    }
}
