// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

/** A camera or microphone cannot be used; the message is a sentence for the user (Chinese, then English). */
public final class MediaDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaDeviceException(String message) {
        super(message);
    }

    public MediaDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
