package org.staffpass.cli;

/** The exit codes every staffpass command uses. */
final class Exit {
    /** Everything checked passed. */
    static final int OK = 0;
    /** Input was read and checked, and at least one check failed. */
    static final int FAILED = 1;
    /** Bad usage, or input that could not be read at all (a missing file, an unusable key). */
    static final int USAGE = 2;

    private Exit() {
    }
}
