// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.SessionCa;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.SessionTls;
import org.tixun.core.session.WorkstationEnrollment;
import org.tixun.core.session.WorkstationLink;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.FieldSpec;
import org.tixun.templates.Lang;

/**
 * The workstation's end of a remote session started from the app on a record: the session CA of the institution key
 * store, terminal enrollment, and the link, flow, media call and recording under
 * {@code <data dir>/remote-session/workstation/sessions/<id>} (the same classes as the demo and the headless pair).
 */
public final class RemoteSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSession.class);
    /** Where enrolled terminals' certificates are kept (PEM, one file each). */
    public static final String TERMINALS_DIR = "terminals";

    private final WorkstationLink link;
    private final WorkstationFlow flow;
    private final SessionStore store;
    private final SessionMedia media;
    private final DocumentData baseData;
    private volatile boolean closed;

    private RemoteSession(WorkstationLink link, WorkstationFlow flow, SessionStore store, SessionMedia media,
            DocumentData baseData) {
        this.link = link;
        this.flow = flow;
        this.store = store;
        this.media = media;
        this.baseData = baseData;
    }

    /** The institution's session CA (the key store of the data dir, revocations in {@code terminal-revoked.txt}). */
    public static SessionCa ca(CoreServices core, InstitutionKeyStore keys, char[] passphrase) throws IOException {
        return SessionCa.open(core.dataDir().keystore(), passphrase, keys,
                core.dataDir().root().resolve("terminal-revoked.txt"));
    }

    /**
     * Enrolls the terminal listening at {@code address} with the code it shows; the issued certificate is kept under
     * {@link #TERMINALS_DIR}.
     */
    public static X509Certificate enroll(CoreServices core, InstitutionKeyStore keys, char[] passphrase,
            String address, String code, String terminalName, Duration timeout) throws IOException {
        SessionCa ca = ca(core, keys, passphrase);
        X509Certificate cert = WorkstationEnrollment.enroll(ca, keys.tlsCredential(), address, code.strip(),
                terminalName, timeout);
        // The place the records name (the header's 地点) is the terminal's registered name.
        core.settings().put(terminalNameSetting(address), terminalName);
        Path dir = core.dataDir().root().resolve(TERMINALS_DIR);
        Files.createDirectories(dir);
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                            cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
            InstitutionKeyStore.writeAtomically(dir.resolve(cert.getSerialNumber().toString(16) + ".pem"),
                    pem.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new LocalizedIOException(SessionMessages.of("remote.certificateUnencodable"), e);
        }
        return cert;
    }

    /** Subjects of the enrolled terminals' certificates (newest files last). */
    public static List<String> enrolledTerminals(CoreServices core) throws IOException {
        Path dir = core.dataDir().root().resolve(TERMINALS_DIR);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    X509Certificate c = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(in);
                    out.add(c.getSubjectX500Principal().getName() + " — " + c.getNotAfter().toInstant());
                } catch (GeneralSecurityException e) {
                    throw new LocalizedIOException(SessionMessages.of("remote.certificateUnreadable", p), e);
                }
            }
        }
        return out;
    }

    /**
     * What the app supplies to start a session.
     *
     * @param devices the session's camera and microphone (the configured devices); null: no audio/video (the
     *        workstation's signers then cannot be photographed and their signing waits)
     * @param localSigning where the workstation's own signers (interrogators, recorder) sign: the app's signing window
     *        on the configured pad or screen
     * @param filing files the sealed record with its recording (the archive)
     */
    public record Start(String terminalAddress, String workstationName, RecordSummary record,
            org.tixun.core.media.MediaDevices devices, String actor, LinkConfig link, SignatureSource localSigning,
            SealedFiling filing) {
        public Start {
            java.util.Objects.requireNonNull(localSigning, "localSigning");
            java.util.Objects.requireNonNull(filing, "filing");
        }
    }

    /**
     * Dials the terminal for {@code record} (a draft started from a template): the record is typed here and signed at
     * the terminal and on this machine ({@link Start#localSigning()}); audio/video with the configured camera and
     * microphone once the link is up, recorded; the workstation's signers are photographed by the session camera.
     */
    public static RemoteSession start(CoreServices core, InstitutionKeyStore keys, char[] passphrase, Start s)
            throws IOException {
        SessionCa ca = ca(core, keys, passphrase);
        SessionTls tls = ca.workstationTls(keys.tlsCredential());
        Path root = core.dataDir().root().resolve("remote-session/workstation");
        Files.createDirectories(root);
        SessionStore store = SessionStore.open(root.resolve("session.db"));
        try {
            // The record's unfinished session (the program was closed or crashed): take it up again.
            var unfinished = store.unfinishedFlow("WORKSTATION", s.record().id(),
                    java.util.Set.of(WorkstationFlow.Phase.SEALED.name(), WorkstationFlow.Phase.FAILED.name()));
            String sessionId = unfinished.map(SessionStore.FlowState::sessionId)
                    .orElse("rs-" + Instant.now().toEpochMilli());
            if (unfinished.isPresent()) {
                LOG.info("resuming remote session {} of record {} (phase {})", sessionId, s.record().id(),
                        unfinished.get().phase());
            }
            Path work = root.resolve("sessions").resolve(sessionId);
            SignatureEventJournal journal = new SignatureEventJournal(root.resolve("journal"));
            DefaultTemplateService templates = DefaultTemplateService.forDataDir(core.dataDir().root());
            if (core.settings().get(org.tixun.core.store.Settings.DEMO).map("true"::equals).orElse(false)) {
                // A demo data dir (its users, keys and simulated devices): its records must not pass for evidence.
                templates = templates.withDemoMark();
            }
            // The GM (SM2/SM3) track when Settings switch it on; on but without its key store, the session does not start.
            var gm = new org.tixun.core.devices.config.ConfiguredDevices(core.settings())
                    .openGm(core.dataDir().root(), passphrase);
            WorkstationLink link = new WorkstationLink(s.workstationName(), tls, s.terminalAddress(), sessionId,
                    store, journal, s.link());
            SessionRecording recording = RecorderRecording.start(work.resolve("recording"), sessionId,
                    s.record().id(), s.actor(), org.tixun.core.recording.RecordingConfig.sd());
            SessionMedia media = s.devices() == null ? null : SessionMedia.open(s.devices(), 640, 480, 25);
            PhotoSource photos = media != null ? media.photos()
                    : PhotoSource.none(SessionMessages.of("remote.noCamera"));
            String actor = s.actor();
            // The GM track when on; time-stamps from the authority chosen in Settings (the institution's own, or an
            // external RFC 3161 TSA whose anchor is kept beside the root so the archive verifies what it stamped).
            WorkstationFlow flow = new WorkstationFlow(new WorkstationSetup(
                    new WorkstationSetup.Session(sessionId, s.record().id(), work, recording),
                    new WorkstationSetup.Document(s.record().kind(), Lang.ZH, templates, Map.of()),
                    new WorkstationSetup.Stores(store, journal),
                    new WorkstationSetup.Signers(s.localSigning(), photos),
                    new WorkstationSetup.Seal(keys, (id, pdf, sha) -> {
                        s.filing().file(actor, id, pdf, sha, recording.directory());
                    }, gm.orElse(null), k -> {
                        var tsa = org.tixun.core.devices.config.ConfiguredTsa.open(core.settings(), k);
                        var anchor = tsa.client().trustAnchor();
                        if (tsa.kind() == org.tixun.core.devices.config.ConfiguredTsa.Kind.EXTERNAL && anchor != null) {
                            try {
                                org.tixun.core.setup.TrustAnchors.addTimeStampAnchor(core.dataDir(), anchor);
                            } catch (IOException e) {
                                tsa.close();
                                throw new java.io.UncheckedIOException("the time-stamp authority's trust anchor cannot"
                                        + " be kept in " + core.dataDir().timeStampAnchors() + ": " + e.getMessage(), e);
                            }
                        }
                        return tsa;
                    })), link);
            if (media != null) {
                media.sink().add(recording);
            }
            link.start();
            if (unfinished.isPresent()) {
                flow.resume();
            }
            RemoteSession session = new RemoteSession(link, flow, store, media, baseData(core, s.record(),
                    s.terminalAddress(), flow.state().recordingStart(), templates));
            if (media != null) {
                Thread dial = new Thread(() -> {
                    // The terminal accepts media once its self-test has released the devices: retry until then.
                    try {
                        while (!session.closed && link.awaitState(LinkState.CONNECTED, Duration.ofMinutes(10))) {
                            try {
                                media.dial(tls, s.terminalAddress(), sessionId);
                                return;
                            } catch (IOException e) {
                                LOG.info("media call to {} not accepted yet: {}", s.terminalAddress(),
                                        e.getMessage());
                                Thread.sleep(2000);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "tixun-media-dial");
                dial.setDaemon(true);
                dial.start();
            }
            return session;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The registered name of the terminal enrolled at {@code address} (Settings {@code terminal.name.<address>}). */
    static String terminalNameSetting(String address) {
        return "terminal.name." + address;
    }

    /**
     * The record's header from its case, the institution's settings, the earlier records of its kind, the terminal's
     * registered name and the recording's start ({@link RecordHeader}); nothing from an example.
     */
    static DocumentData baseData(CoreServices core, RecordSummary r, String terminalAddress, Instant recordingStart,
            DefaultTemplateService templates) throws IOException {
        CaseFile caseFile = core.cases().find(r.caseId()).orElseThrow(() -> new LocalizedIOException(
                SessionMessages.of("remote.noCase", r.caseId())));
        int ordinal = 1 + (int) core.records().forCase(r.caseId()).stream()
                .filter(o -> o.kind().equals(r.kind()) && !o.id().equals(r.id())
                        && o.createdAt().compareTo(r.createdAt()) < 0)
                .count();
        Set<String> fields;
        try {
            fields = templates.fields(r.kind()).stream().map(FieldSpec::name).collect(Collectors.toSet());
        } catch (org.tixun.templates.UnknownKindException e) {
            throw new LocalizedIOException(SessionMessages.of("remote.noTemplate", r.kind()), e);
        }
        String institution = core.settings().get(org.tixun.core.store.Settings.INSTITUTION).orElse(null);
        String place = core.settings().get(terminalNameSetting(terminalAddress)).orElse(null);
        return RecordHeader.fill(fields, new RecordHeader.Sources(institution, caseFile, r, ordinal, place,
                recordingStart));
    }

    public WorkstationLink link() {
        return link;
    }

    public WorkstationFlow flow() {
        return flow;
    }

    /** The media (null without a camera). */
    public SessionMedia media() {
        return media;
    }

    public DocumentData baseData() {
        return baseData;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            if (media != null) {
                media.close();
            }
            flow.close();
            flow.recording().close();
            link.close();
        } finally {
            store.close();
        }
    }
}
