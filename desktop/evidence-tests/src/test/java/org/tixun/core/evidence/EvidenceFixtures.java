// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.tixun.demo.SampleRecord;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.pki.InstitutionKeyStore;

/** One institution, one running TSA and one sealed 20-page sample record, shared by the evidence tests. */
final class EvidenceFixtures {
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static EvidenceFixtures instance;

    final Path dir;
    final Path keyStoreFile;
    final InstitutionKeyStore keys;
    final EmbeddedTsa tsa;
    final Rfc3161Client tsaClient;
    final byte[] frozen;
    final SealRequest request;
    final SealResult sealed;

    static {
        quietLogs();
    }

    private EvidenceFixtures() throws Exception {
        dir = Files.createTempDirectory("tixun-evidence");
        keyStoreFile = dir.resolve("institution.p12");
        keys = InstitutionKeyStore.create(keyStoreFile, PASSPHRASE, "某某市人民检察院");
        tsa = new EmbeddedTsa(keys.tsaCredential());
        tsaClient = new Rfc3161Client(tsa.start(0));
        frozen = SampleRecord.frozenPdf();
        request = SampleRecord.request(frozen, 20);
        sealed = new Sealer(keys, tsaClient).seal(request);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tsa.close();
            deleteRecursively(dir);
        }));
    }

    static synchronized EvidenceFixtures get() {
        if (instance == null) {
            try {
                instance = new EvidenceFixtures();
            } catch (Exception e) {
                throw new IllegalStateException("evidence fixture failed", e);
            }
        }
        return instance;
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not clean " + root + ": " + e.getMessage());
        }
    }

    /** Writes bytes to a file in the fixture directory. */
    Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDFBox and iText log every glyph at DEBUG without a configuration; tests keep logs at INFO. */
    static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
            ctx.getLogger("org.apache").setLevel(ch.qos.logback.classic.Level.WARN);
            ctx.getLogger("eu.europa").setLevel(ch.qos.logback.classic.Level.WARN);
            ctx.getLogger("org.verapdf").setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
