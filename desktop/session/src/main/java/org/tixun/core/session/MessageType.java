// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/**
 * The frame types of the link protocol, with their wire code and whether they are reliable (sequenced, persisted in
 * the sender's outbox until acknowledged, de-duplicated by the receiver).
 */
public enum MessageType {
    HELLO(1, false),
    HEARTBEAT(2, false),
    ACK(3, false),
    LIVE_RECORD_UPDATE(4, false),
    SIGNING_REQUEST(5, true),
    SIGNATURE_EVENT(6, true),
    ABORT(7, true),
    REFUSAL(8, false),
    BYE(9, false),
    ENROLLMENT_REQUEST(10, false),
    ENROLLMENT_RESULT(11, false),
    SIGNING_PLAN(12, true),
    READING_CONFIRMATION(13, true),
    TERMINAL_SIGNING_DONE(14, true),
    LIVE_RECORD_SHOWN(15, false),
    SESSION_END(16, true),
    SESSION_PROGRESS(17, false);

    private final int code;
    private final boolean reliable;

    MessageType(int code, boolean reliable) {
        this.code = code;
        this.reliable = reliable;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** Whether frames of this type carry a sequence number and are re-sent until acknowledged. */
    public boolean reliable() {
        return reliable;
    }

    /** The type for a wire code, or null if unknown. */
    public static MessageType ofCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
