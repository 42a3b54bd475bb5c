// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

/**
 * A snapshot of a decoder's statistics.
 *
 * @param packetsOk       packets decoded and delivered (pen samples and replies)
 * @param packetsIgnored  well-formed packets of kinds we do not use (touch, puck, unknown reports)
 * @param packetsGarbled  packets cut short by the next sync byte or rejected as implausible
 * @param bytesDropped    bytes thrown away: noise between packets plus the bytes of garbled packets
 * @param packetsLost     packets the device says were lost (STU sequence gaps, evdev SYN_DROPPED)
 */
public record DecodeCounts(long packetsOk, long packetsIgnored, long packetsGarbled, long bytesDropped, long packetsLost) {

    /** Returns a one-line description. */
    public String describe() {
        return "ok " + packetsOk + ", ignored " + packetsIgnored + ", garbled " + packetsGarbled
                + ", dropped bytes " + bytesDropped + ", lost " + packetsLost;
    }
}
