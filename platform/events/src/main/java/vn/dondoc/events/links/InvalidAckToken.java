package vn.dondoc.events.links;

/** A token that must not be acted on, and why. The reason is for logs; users see one friendly page whatever it is. */
public final class InvalidAckToken extends Exception {

    public enum Reason {
        /** not base64url, or not a token of a known version and layout (a truncated token lands here) */
        MALFORMED,
        /** longer than any token we issue: refused before decoding */
        OVERSIZED,
        /** forged, altered, or signed with another deployment's key */
        BAD_SIGNATURE,
        /** genuine but past its expiry */
        EXPIRED
    }

    private final Reason reason;

    InvalidAckToken(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
