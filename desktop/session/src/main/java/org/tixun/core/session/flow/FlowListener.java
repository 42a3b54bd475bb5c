// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.core.session.SigningPlan.PlannedSlot;

/**
 * What a screen or the headless runner hears from a flow. Called on link or flow threads, never the UI thread;
 * every method has a default so a listener picks what it shows.
 */
public interface FlowListener {
    /** The phase changed (names of {@link WorkstationFlow.Phase} or {@link TerminalFlow.Phase}). */
    default void phase(String phase) {
    }

    /** A live record revision arrived (terminal). */
    default void liveRecord(LiveRecordUpdate update) {
    }

    /** A signature event was stored (received from the terminal, or signed here). */
    default void signed(PlannedSlot slot, SignatureEvent event) {
    }

    /**
     * Something a person must see: an event refused, a check failed. A message key with its arguments, which the
     * screen resolves in its reader's language ({@link Message#in}); the command line prints {@link
     * Message#bilingual()}.
     */
    default void problem(Message message) {
    }

    /**
     * Sealing moved on (workstation): {@code step} is one of {@link WorkstationFlow#SEAL_STEPS}, given when it
     * starts, so a screen can show where the seconds of sealing go.
     */
    default void sealStep(String step) {
    }

    /** A step of the terminal walk-through is ready (terminal). */
    default void step(TerminalFlow.Step step) {
    }

    /** The workstation said where it stands: the page read aloud, its own signing, sealing (terminal). */
    default void progress(org.tixun.core.session.SessionProgress progress) {
    }
}
