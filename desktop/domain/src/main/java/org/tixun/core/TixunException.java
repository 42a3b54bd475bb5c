// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

/** A failure with a user-facing message and the process exit code it maps to. */
public class TixunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit codes shared by every command; documented in README.md. */
    public enum Exit {
        OK(0), FAILED(1), USAGE(2), DATA_DIR(3), DATABASE(4), KEYSTORE(5), AUTH(6), NOT_FOUND(7);

        private final int code;

        Exit(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Exit exit;

    public TixunException(Exit exit, String message) {
        super(message);
        this.exit = exit;
    }

    public TixunException(Exit exit, String message, Throwable cause) {
        super(message, cause);
        this.exit = exit;
    }

    public Exit exit() {
        return exit;
    }
}
