package org.staffpass.rules.internal.calc;

/** Pay band of a stretch of time. Declaration order is the default precedence, highest first. */
public enum Band {
    /** Any time on a bank-holiday local date (the whole day, 00:00 to 00:00). */
    BANK_HOLIDAY,
    /** Any time on a weekend local date (default Saturday 00:00 to Monday 00:00). */
    WEEKEND,
    /** Night time band on another day. */
    NIGHT,
    /** Evening time band on another day. */
    EVENING,
    /** Day time band on another day. */
    DAY
}
