// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import java.util.List;

/**
 * One signer's decrypted events, in the order they were written.
 *
 * @param revision signer revision number (1 = first signer)
 * @param name signer name
 * @param role signer role
 * @param events the events
 */
public record ReplayedSigner(int revision, String name, SignerRole role, List<ReplayedEvent> events) {
    /** The event that holds the signer's main signature (the last signature slot), for a default replay. */
    public ReplayedEvent primaryEvent() {
        ReplayedEvent primary = null;
        for (ReplayedEvent e : events) {
            if (e.kind() == SlotKind.SIGNATURE) {
                primary = e;
            }
        }
        return primary != null ? primary : events.get(events.size() - 1);
    }
}
