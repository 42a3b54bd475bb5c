// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.RecordingSpan;
import java.util.Objects;

/**
 * A recorded refusal to sign (DOMAIN.md rule 8): the role refusing, the reason, and the witness who signs for it.
 *
 * @param role who refused
 * @param reason the stated reason
 * @param witnessName the witness, who must sign with role {@link SignerRole#WITNESS}
 * @param recording where the refusal is on the recording, may be null
 */
public record Refusal(SignerRole role, String reason, String witnessName, RecordingSpan recording) {
    public Refusal {
        Objects.requireNonNull(role, "role");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        Objects.requireNonNull(witnessName, "witnessName");
    }
}
