// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.Set;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.flow.WorkstationFlow.Phase;

/** An event the workstation flow's current phase does not take ({@link WorkstationTransitions}). */
public final class IllegalTransitionException extends IllegalStateException implements Localized {
    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final Class<? extends WorkstationEvent> event;
    private final transient Message message;

    IllegalTransitionException(Phase phase, Class<? extends WorkstationEvent> event, Set<Phase> allowed) {
        this(phase, event, FlowMessages.of("flow.illegalTransition", event.getSimpleName(), phase.name(),
                allowed.stream().map(Phase::name).toList()));
    }

    private IllegalTransitionException(Phase phase, Class<? extends WorkstationEvent> event, Message message) {
        super(message.bilingual());
        this.phase = phase;
        this.event = event;
        this.message = message;
    }

    /** The phase the flow was in. */
    public Phase phase() {
        return phase;
    }

    /** The kind of event it did not take. */
    public Class<? extends WorkstationEvent> event() {
        return event;
    }

    @Override
    public Message message() {
        return message != null ? message : Message.untranslated(getMessage());
    }
}
