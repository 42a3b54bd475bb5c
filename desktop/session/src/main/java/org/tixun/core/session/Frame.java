// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.Objects;

/**
 * One frame on the link: type, channel (0 control; others reserved for media), per-direction sequence number (0 for
 * unsequenced frames) and payload.
 */
public record Frame(MessageType type, int channel, long seq, byte[] payload) {
    /** The control channel. */
    public static final int CONTROL = 0;

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (channel < 0 || channel > 255) {
            throw new IllegalArgumentException("channel must fit one byte: " + channel);
        }
        if (type.reliable() != (seq > 0)) {
            throw new IllegalArgumentException(type + (type.reliable() ? " needs" : " must not have")
                    + " a sequence number: " + seq);
        }
    }
}
