// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

/** Where the pen is relative to the pad surface. */
public enum PenState {
    /** The pen has left proximity; coordinates are the last reported ones. */
    OUT,
    /** The pen is in proximity but not touching. */
    HOVER,
    /** The pen tip touches the surface. */
    CONTACT;

    /** Returns whether this state is {@link #CONTACT}. */
    public boolean isContact() {
        return this == CONTACT;
    }
}
