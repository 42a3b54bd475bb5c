// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

/** Which side of the session a stream comes from, seen from the machine handling it. */
public enum Direction {
    /** This machine's camera and microphone. */
    LOCAL,
    /** The peer's camera and microphone, as received and decoded. */
    REMOTE
}
