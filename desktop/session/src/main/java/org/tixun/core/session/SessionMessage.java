// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

/** A message of the link protocol; each kind is an immutable record carried as JSON in one frame. */
public sealed interface SessionMessage permits Hello, Heartbeat, Ack, LiveRecordUpdate, SigningRequest,
        SignatureEventMessage, Abort, Refusal, Bye, EnrollmentRequest, EnrollmentResult, SigningPlan, ReadingConfirmation,
        TerminalSigningDone, LiveRecordShown, SessionEnd, SessionProgress {
    /** The frame type this message travels in. */
    MessageType messageType();
}
