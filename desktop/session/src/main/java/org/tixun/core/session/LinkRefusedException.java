// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;

/** The link was refused for a reason a person must fix (certificate, version, enrollment code), not a network blip. */
public final class LinkRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public LinkRefusedException(String message) {
        super(message);
    }

    public LinkRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
