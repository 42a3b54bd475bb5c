// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.tixun.core.evidence.EvidenceJson;
import org.tixun.core.session.i18n.SessionMessages;

/** Maps messages to frame payloads (UTF-8 JSON, binary fields in base64) and back. */
public final class MessageCodec {
    private static final ObjectMapper MAPPER = EvidenceJson.mapper();

    private MessageCodec() {
    }

    /** The JSON payload of a message. */
    public static byte[] encode(SessionMessage message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.messageType(), e);
        }
    }

    /** A frame for a message (sequence number 0 for unsequenced types). */
    public static Frame frame(SessionMessage message, long seq) {
        return new Frame(message.messageType(), Frame.CONTROL, seq, encode(message));
    }

    /**
     * Decodes a frame's payload.
     *
     * @throws FrameException if the payload is not valid JSON for the frame's type
     */
    public static SessionMessage decode(Frame frame) throws FrameException {
        Class<? extends SessionMessage> type = switch (frame.type()) {
            case HELLO -> Hello.class;
            case HEARTBEAT -> Heartbeat.class;
            case ACK -> Ack.class;
            case LIVE_RECORD_UPDATE -> LiveRecordUpdate.class;
            case SIGNING_REQUEST -> SigningRequest.class;
            case SIGNATURE_EVENT -> SignatureEventMessage.class;
            case ABORT -> Abort.class;
            case REFUSAL -> Refusal.class;
            case BYE -> Bye.class;
            case ENROLLMENT_REQUEST -> EnrollmentRequest.class;
            case ENROLLMENT_RESULT -> EnrollmentResult.class;
            case SIGNING_PLAN -> SigningPlan.class;
            case READING_CONFIRMATION -> ReadingConfirmation.class;
            case TERMINAL_SIGNING_DONE -> TerminalSigningDone.class;
            case LIVE_RECORD_SHOWN -> LiveRecordShown.class;
            case SESSION_END -> SessionEnd.class;
            case SESSION_PROGRESS -> SessionProgress.class;
        };
        try {
            return MAPPER.readValue(frame.payload(), type);
        } catch (IOException | RuntimeException e) {
            throw new FrameException(SessionMessages.of("frame.malformed", frame.type().name(), String.valueOf(e.getMessage())), e);
        }
    }
}
