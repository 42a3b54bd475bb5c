// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import java.io.IOException;

/** A pad could not be opened or did not answer; the message says what to check. */
public class PadException extends IOException {

    public PadException(String message) {
        super(message);
    }

    public PadException(String message, Throwable cause) {
        super(message, cause);
    }
}
