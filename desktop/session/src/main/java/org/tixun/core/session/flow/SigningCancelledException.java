// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;

/**
 * A {@link SignatureSource} whose signer did not sign (closed the signing window, declined): the slot stays open and
 * the signing can be taken up again; not a failure of the record.
 */
public final class SigningCancelledException extends IOException {
    private static final long serialVersionUID = 1L;

    public SigningCancelledException(String message) {
        super(message);
    }
}
