// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tixun.core.TixunException;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.session.EnrolledTerminal;
import org.tixun.core.session.LinkConfig;
import org.tixun.core.session.SessionStore;
import org.tixun.core.session.TerminalEnrollment;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.i18n.SessionMessages;

/**
 * A terminal's session end on its data dir, shared by the headless terminal and the kiosk window: enrollment
 * ({@link Enrolment}: code, listener, credential saved as {@code terminal.p12}), then the session store, journal,
 * link and flow (a restarted terminal resumes its latest session from the store).
 */
public final class TerminalStation implements AutoCloseable {
    /** Name of the enrolled key store in the terminal's data dir. */
    public static final String KEYSTORE = "terminal.p12";
    /** Where the enrollment code is written for a non-interactive workstation. */
    public static final String CODE_FILE = "enrollment-code.txt";
    /** Settings key: the address the terminal listens on ({@code host:port}). */
    public static final String LISTEN_SETTING = "terminal.listen";
    /** Settings key: the terminal's name shown to the workstation. */
    public static final String NAME_SETTING = "terminal.name";
    /** Settings key: the camera ({@code synthetic}, {@code synthetic:N}, {@code default} or a device name). */
    public static final String CAMERA_SETTING = "media.camera";
    /** Settings key: the microphone ({@code tone}, {@code default} or a mixer name; empty = tone when the camera
     *  is synthetic, else the default microphone). */
    public static final String MICROPHONE_SETTING = "media.microphone";
    /** Settings key: a file holding the terminal key store passphrase, named by the administrator. */
    public static final String PASSPHRASE_FILE_SETTING = "terminal.keystore.passphraseFile";
    /** Listening address when the setting is absent. */
    public static final String DEFAULT_LISTEN = "0.0.0.0:7443";

    private final SessionStore store;
    private final SignatureEventJournal journal;
    private final TerminalLink link;
    private final TerminalFlow flow;

    private TerminalStation(SessionStore store, SignatureEventJournal journal, TerminalLink link, TerminalFlow flow) {
        this.store = store;
        this.journal = journal;
        this.link = link;
        this.flow = flow;
    }

    /** True once the data dir holds the enrolled credential. */
    public static boolean enrolled(Path dataDir) {
        return Files.exists(dataDir.resolve(KEYSTORE));
    }

    /** Name of the terminal's machine-local key store passphrase (owner-only file beside the key store). */
    public static final String PASSPHRASE_FILE = "terminal.p12.pass";

    /**
     * The passphrase protecting this terminal's key store when no operator supplies one: a random secret made on the
     * first call and kept in {@link #PASSPHRASE_FILE}, readable by its owner only (an unattended kiosk must restart
     * without anyone typing; the key store then is as safe as the machine's file permissions, like an SSH host key).
     */
    public static char[] machinePassphrase(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSPHRASE_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = dataDir.resolve(PASSPHRASE_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, secret, java.nio.charset.StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        String secret = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty: restore it from the backup or enrol the terminal again");
        }
        return secret.toCharArray();
    }

    /** Loads the enrolled credential. */
    public static EnrolledTerminal load(Path dataDir, char[] passphrase) throws IOException {
        return EnrolledTerminal.load(dataDir.resolve(KEYSTORE), passphrase, null);
    }

    /** The passphrase file named in {@value #PASSPHRASE_FILE_SETTING} cannot be read (why: {@code cause}). */
    public static Message passphraseFileUnreadable(Path file, Object cause) {
        return SessionMessages.of("station.passphraseFileUnreadable", file, PASSPHRASE_FILE_SETTING, cause);
    }

    /** Why a passphrase file cannot be used: it is empty. */
    public static Message passphraseFileEmpty() {
        return SessionMessages.of("station.passphraseFileEmpty");
    }

    /** {@code host:port} to a socket address; a usage error otherwise. */
    public static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new TixunException(TixunException.Exit.USAGE, SessionMessages.of("station.addressForm", hostPort));
        }
        try {
            return new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new TixunException(TixunException.Exit.USAGE, SessionMessages.of("station.addressInvalid", hostPort), e);
        }
    }

    /**
     * An enrollment waiting for the workstation: the code is shown (and written to {@link #CODE_FILE}) and the
     * enrollment listener is open on the session port.
     */
    public static final class Enrolment implements AutoCloseable {
        private final Path dataDir;
        private final TerminalEnrollment enrollment;
        private final InetSocketAddress bound;

        private Enrolment(Path dataDir, TerminalEnrollment enrollment, InetSocketAddress bound) {
            this.dataDir = dataDir;
            this.enrollment = enrollment;
            this.bound = bound;
        }

        /** Creates the key and code and opens the enrollment listener on {@code address}. */
        public static Enrolment open(Path dataDir, String terminalName, InetSocketAddress address) throws IOException {
            Files.createDirectories(dataDir);
            TerminalEnrollment e = TerminalEnrollment.create(terminalName);
            try {
                InetSocketAddress bound = e.open(address);
                InstitutionKeyStore.writeAtomically(dataDir.resolve(CODE_FILE),
                        e.code().getBytes(StandardCharsets.US_ASCII));
                return new Enrolment(dataDir, e, bound);
            } catch (IOException | RuntimeException ex) {
                e.close();
                throw ex;
            }
        }

        public String code() {
            return enrollment.code();
        }

        public InetSocketAddress bound() {
            return bound;
        }

        /** Waits for the workstation, then saves the credential as {@link #KEYSTORE} and removes the code file. */
        public EnrolledTerminal awaitAndSave(Duration timeout, char[] passphrase) throws IOException {
            EnrolledTerminal t = enrollment.awaitResult(timeout);
            t.save(dataDir.resolve(KEYSTORE), passphrase);
            Files.deleteIfExists(dataDir.resolve(CODE_FILE));
            return t;
        }

        @Override
        public void close() throws IOException {
            enrollment.close();
        }
    }

    /** Opens the store, journal, link and flow on the data dir (not listening yet; register media first). */
    public static TerminalStation open(Path dataDir, String name, EnrolledTerminal enrolled, LinkConfig config)
            throws IOException {
        SessionStore store = SessionStore.open(dataDir.resolve("session.db"));
        try {
            SignatureEventJournal journal = new SignatureEventJournal(dataDir.resolve("journal"));
            TerminalLink link = new TerminalLink(name, enrolled.tls(), store, journal, config);
            return new TerminalStation(store, journal, link, new TerminalFlow(link, store, journal, dataDir));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Listens for the workstation and resumes the latest session from the store. */
    public InetSocketAddress listen(InetSocketAddress address) throws IOException {
        InetSocketAddress bound = link.listen(address);
        flow.resume();
        return bound;
    }

    public TerminalLink link() {
        return link;
    }

    public TerminalFlow flow() {
        return flow;
    }

    public SessionStore store() {
        return store;
    }

    public SignatureEventJournal journal() {
        return journal;
    }

    @Override
    public void close() throws IOException {
        try {
            link.close();
        } finally {
            store.close();
        }
    }
}
