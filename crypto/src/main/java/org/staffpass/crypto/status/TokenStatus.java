package org.staffpass.crypto.status;

/**
 * One entry of a status list: a Status Type value from 0 to 255 (Token Status List, Section 7).
 *
 * <p>Registered values are {@link #VALID} (0x00), {@link #INVALID} (0x01) and {@link #SUSPENDED}
 * (0x02); 0x03 and 0x0C-0x0F are reserved for applications; every other value is reserved for
 * future registration. Only {@link #VALID} means "not revoked": callers that see anything else,
 * including a value they do not recognise, should treat the referenced token as not valid.
 * Immutable.
 *
 * @param value the Status Type value, 0 to 255
 * @since 0.1
 */
public record TokenStatus(int value) {
    /** 0x00: the referenced token is valid. */
    public static final TokenStatus VALID = new TokenStatus(0x00);
    /** 0x01: the referenced token is revoked, annulled or cancelled, for good. */
    public static final TokenStatus INVALID = new TokenStatus(0x01);
    /** 0x02: the referenced token is temporarily invalid. */
    public static final TokenStatus SUSPENDED = new TokenStatus(0x02);

    private static final TokenStatus[] ALL = new TokenStatus[256];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = i == 0 ? VALID : i == 1 ? INVALID : i == 2 ? SUSPENDED : new TokenStatus(i);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code value} is outside 0 to 255
     */
    public TokenStatus {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("a status value is 0 to 255, was " + value);
        }
    }

    /** The shared instance for {@code value} (0 to 255); no allocation. */
    public static TokenStatus of(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("a status value is 0 to 255, was " + value);
        }
        return ALL[value];
    }

    /** Whether this is VALID (0x00), the only value that does not count against a token. */
    public boolean isValid() {
        return value == 0x00;
    }

    /** Whether the draft reserves this value for applications: 0x03 and 0x0C to 0x0F. */
    public boolean isApplicationSpecific() {
        return value == 0x03 || (value >= 0x0C && value <= 0x0F);
    }

    /** {@code VALID}, {@code INVALID}, {@code SUSPENDED}, or {@code 0xNN} for any other value. */
    public String label() {
        switch (value) {
            case 0x00:
                return "VALID";
            case 0x01:
                return "INVALID";
            case 0x02:
                return "SUSPENDED";
            default:
                return String.format("0x%02X", value);
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
