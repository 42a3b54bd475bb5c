// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

/** Exit codes of the {@code pad} commands. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A benchmark missed a target. */
    public static final int TARGET_MISSED = 1;
    /** Bad command-line usage (picocli's own code). */
    public static final int USAGE = 2;
    /** The pad could not be opened or did not answer. */
    public static final int PAD_ERROR = 3;
    /** An input or output file could not be read or written. */
    public static final int FILE_ERROR = 4;
    /** A required helper (socat) is missing or failed. */
    public static final int ENVIRONMENT = 5;

    private ExitCodes() {
    }
}
