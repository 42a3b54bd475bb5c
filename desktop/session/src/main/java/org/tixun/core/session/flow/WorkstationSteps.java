// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.SignatureEventMessage;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.templates.DocumentData;

/**
 * The steps the workstation flow runs, each a small part: production wires the real ones ({@link WorkstationSetup}),
 * a test of the flow's state machine its own fakes.
 *
 * @param freezing renders, plans and writes the frozen record
 * @param admission checks a signature event from the terminal
 * @param events the signature events journaled for a frozen revision
 * @param localSigning has the workstation-side signers sign
 * @param sealing seals, verifies and files the record
 * @param drafts keeps the typed record on disk
 * @param states keeps the flow's state
 */
public record WorkstationSteps(Freezing freezing, Admission admission, Events events, LocalSigning localSigning,
        Sealing sealing, Drafts drafts, States states) {

    /** Freezes the record: the final render, its hash and the slot plan. */
    public interface Freezing {
        /** What freezing {@code data} would fix, without freezing (slow: a full render). */
        WorkstationFlow.FreezePreview preview(DocumentData data, WorkstationState state) throws Exception;

        /**
         * Writes the frozen record (its PDF and data, durably) with the record's times (start: the recording's,
         * end: {@code frozenAt}) and gives what was frozen; a record whose times are wrong is refused.
         */
        WorkstationEvent.Frozen freeze(DocumentData data, WorkstationState state, Instant frozenAt) throws Exception;

        /** The frozen record's pages as PNG images, for the signing request. */
        List<byte[]> pages(WorkstationState state) throws IOException;
    }

    /** Whether a signature event from the terminal belongs to the frozen record ({@link EventAdmission}). */
    public interface Admission {
        /**
         * Why {@code m} does not belong to {@code state}'s frozen record, or null when it does.
         *
         * @param slot the planned terminal-side slot the event names, or null when there is none
         */
        Message refusal(SignatureEventMessage m, PlannedSlot slot, WorkstationState state, Instant now);
    }

    /** The signature events kept for the record (both sides'). */
    public interface Events {
        /** The events of the frozen revision {@code frozenSha}, by slot. */
        Map<String, List<SignatureEvent>> ofRevision(String recordId, String frozenSha) throws IOException;
    }

    /** Has the workstation-side signers sign their open slots. */
    public interface LocalSigning {
        /**
         * Signs each of {@code state}'s workstation slots not in {@code signed}, in order; each event is kept
         * (journaled) before {@code each} hears of it.
         *
         * @throws SigningCancelledException a signer did not sign (the flow waits to be taken up again)
         */
        void signOpen(WorkstationState state, Set<String> signed, BiConsumer<PlannedSlot, SignatureEvent> each)
                throws Exception;
    }

    /** Seals the frozen record with one event per slot, verifies and files it. */
    public interface Sealing {
        /**
         * Seals, verifies and files; {@code step} hears each of {@link WorkstationFlow#SEAL_STEPS} as it starts.
         *
         * @return what was sealed; a record that fails verification is not filed and throws
         */
        WorkstationEvent.Sealed seal(WorkstationState state, Consumer<String> step) throws Exception;
    }

    /** Keeps the typed record on disk while live ({@link DraftKeeper}). */
    public interface Drafts extends AutoCloseable {
        /** Keeps {@code data} (saved in the background, newest wins). */
        void keep(DocumentData data);

        /** Saves the newest now; false if that failed. */
        boolean flush();

        /** The frozen data once frozen, else the last saved draft. */
        Optional<DocumentData> typed() throws IOException;

        @Override
        void close();
    }

    /** Keeps the flow's state durably. */
    public interface States {
        /** The saved state, if any. */
        Optional<WorkstationState> load() throws IOException;

        /** Saves {@code state} durably (replacing the previous one) before the flow acts on it. */
        void save(WorkstationState state) throws IOException;
    }
}
