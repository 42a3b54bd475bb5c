// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tixun.core.devices.config.ConfiguredTsa;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.flow.WorkstationFlow.RecordFiling;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.Lang;

/**
 * Everything the production flow needs, in five parts.
 *
 * @param session which session and record, its folder and its recording
 * @param document what is frozen and how it is planned
 * @param stores where the flow's state and the signature events are kept
 * @param signers the workstation's pad and camera for its own signers
 * @param seal the keys, time-stamps and filing of the seal
 */
public record WorkstationSetup(Session session, Document document, Stores stores, Signers signers, Seal seal) {
    public WorkstationSetup {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(signers, "signers");
        Objects.requireNonNull(seal, "seal");
    }

    /**
     * The session.
     *
     * @param sessionId the link session
     * @param recordId the record (its id in the record store)
     * @param workDir this session's folder (frozen.pdf, sealed.pdf, report)
     * @param recording the session's recording ({@link SessionRecording#none()} when there is none)
     */
    public record Session(String sessionId, String recordId, Path workDir, SessionRecording recording) {
        public Session {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(workDir, "workDir");
            recording = recording == null ? SessionRecording.none() : recording;
        }
    }

    /**
     * The record's document.
     *
     * @param kind template kind, e.g. {@code INTERROGATION_RECORD}
     * @param sides which side each role signs on (missing roles: {@link SlotPlanner#defaultSide})
     */
    public record Document(String kind, Lang lang, DefaultTemplateService templates,
            Map<SignerRole, SlotPlanner.Side> sides) {
        public Document {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(templates, "templates");
            sides = sides == null ? Map.of() : Map.copyOf(sides);
        }
    }

    /** The session store (the flow's state) and the signature event journal. */
    public record Stores(SessionStore store, SignatureEventJournal journal) {
    }

    /** The workstation's pad and camera, for the signers who sign at the workstation. */
    public record Signers(SignatureSource pad, PhotoSource camera) {
    }

    /**
     * The seal.
     *
     * @param gm the GM (SM2/SM3) track's keys when it is switched on in Settings, else null
     * @param timeStamps the time-stamp authority (the configured one: {@code ConfiguredTsa.open(settings, keys)});
     *     an external RFC 3161 TSA's trust anchor is added to the verification that follows the seal
     */
    public record Seal(InstitutionKeyStore keys, RecordFiling filing, GmKeyStore gm,
            Function<InstitutionKeyStore, ConfiguredTsa> timeStamps) {
        public Seal {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(filing, "filing");
            timeStamps = timeStamps == null ? ConfiguredTsa::institution : timeStamps;
        }

        /** With the institution's own time-stamps and without the GM track. */
        public Seal(InstitutionKeyStore keys, RecordFiling filing) {
            this(keys, filing, null, null);
        }
    }

    /**
     * The real steps over this setup: render and plan, the event check, the journal, the pad, the seal, drafts, the
     * session store; {@code problems} hears of a draft that could not be saved.
     */
    WorkstationSteps steps(Consumer<Message> problems) {
        Path workDir = session().workDir();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SignatureEventJournal journal = stores().journal();
        WorkstationSteps.Events events = (recordId, frozenSha) -> {
            Map<String, List<SignatureEvent>> bySlot = new HashMap<>();
            for (SignatureEvent e : journal.load(recordId)) {
                if (e.frozenContentSha256().equals(frozenSha)) {
                    bySlot.computeIfAbsent(e.slotId(), k -> new ArrayList<>()).add(e);
                }
            }
            return bySlot;
        };
        SessionRecording recording = session().recording();
        return new WorkstationSteps(
                new FrozenRecord(workDir, document().templates(), document().lang(),
                        document().sides()),
                new EventAdmission(), events,
                new PadSigning(signers().pad(), signers().camera(), recording, journal),
                new SealAndFile(session().sessionId(), workDir, events, recording, seal(),
                        document().templates().demoMark()),
                new DraftKeeper(workDir, problems),
                new StoredStates(stores().store(), session().sessionId()));
    }
}
