// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.io.IOException;

/** A frame that breaks the protocol: bad magic, unknown version or type, oversized or truncated. */
public final class FrameException extends IOException {
    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }

    public FrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
