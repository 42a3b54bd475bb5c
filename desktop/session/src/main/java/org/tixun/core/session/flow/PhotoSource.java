// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;

/**
 * The camera snapshot taken of a signer at pen-down and at completion (JPEG): the session camera's picture
 * ({@link SessionMedia#photos()}). Without a camera there is no photo: {@link #none(String)} fails the capture with the
 * reason, so the step waits instead of sealing a signature without its photo.
 */
public interface PhotoSource {
    /** A JPEG of the signer now. */
    byte[] snapshot() throws IOException;

    /** A source that has no camera: every snapshot fails with {@code reason}. */
    static PhotoSource none(org.tixun.core.i18n.Message reason) {
        return () -> {
            throw new org.tixun.core.i18n.LocalizedIOException(reason);
        };
    }
}
