// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.time.Instant;

/** Told when the private mute starts and ends, so the record and the recording log can note it. */
public interface MuteListener {
    /** Muting began: from now on the peer receives silence. */
    void muteStarted(Instant start);

    /** Muting ended: the whole interval. */
    void muteEnded(MuteInterval interval);
}
