package dev.confab.media.stun;

import java.nio.charset.StandardCharsets;

/**
 * ERROR-CODE (RFC 8489 section 14.8): the code (300 to 699) and reason phrase of an error response. Immutable.
 *
 * @param code   the error code: class times 100 plus number
 * @param reason a human-readable phrase, possibly empty
 */
public record ErrorCode(int code, String reason) implements StunAttribute {
    public static final int TYPE = 0x0009;

    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHENTICATED = 401;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    public static final int WRONG_CREDENTIALS = 441;
    public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
    public static final int ALLOCATION_QUOTA_REACHED = 486;
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;
    public static final int INSUFFICIENT_CAPACITY = 508;

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("a STUN error code is 300 to 699: " + code);
        }
        TextValue.encode("ERROR-CODE reason", reason, TextValue.TEXT_MAX_BYTES);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int size() {
        return 4 + reason.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        WireBytes.put16(out, off, 0);
        out[off + 2] = (byte) (code / 100);
        out[off + 3] = (byte) (code % 100);
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, out, off + 4, text.length);
    }

    static ErrorCode parse(byte[] buf, int off, int len) throws AttributeFormatException {
        if (len < 4) {
            throw new AttributeFormatException("ERROR-CODE shorter than 4 bytes: " + len);
        }
        int errorClass = buf[off + 2] & 0x07;
        int number = WireBytes.u8(buf, off + 3);
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new AttributeFormatException("ERROR-CODE has class " + errorClass + " and number " + number);
        }
        return new ErrorCode(errorClass * 100 + number,
                TextValue.decode("ERROR-CODE reason", buf, off + 4, len - 4, TextValue.TEXT_MAX_BYTES));
    }
}
