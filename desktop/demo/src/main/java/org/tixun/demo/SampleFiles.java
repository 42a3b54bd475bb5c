// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tixun.core.evidence.EventsFile;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.SigningRulesException;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.InstitutionKeyStore;

/**
 * Writes a complete, headless demo of the evidence chain into a directory: institution key store, trust anchor,
 * escrow key, the frozen sample record, its events file and the sealed record (for {@code tixun demo --headless}).
 */
public final class SampleFiles {
    public static final String KEYSTORE = "institution.p12";
    public static final String ROOT = "institution-root.pem";
    public static final String ESCROW = "escrow.p12";
    public static final String FROZEN = "frozen.pdf";
    public static final String EVENTS = "events.json";
    public static final String SEALED = "sealed.pdf";

    private SampleFiles() {
    }

    /** Writes the inputs (keys, frozen record, events) without sealing. */
    public static InstitutionKeyStore writeInputs(Path dir, char[] passphrase) throws IOException {
        Files.createDirectories(dir);
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve(KEYSTORE), passphrase, "示范市人民检察院");
        Certificates.writePem(dir.resolve(ROOT), keys.rootCertificate());
        keys.exportEscrowKey(dir.resolve(ESCROW), passphrase);
        byte[] frozen = SampleRecord.frozenPdf();
        Files.write(dir.resolve(FROZEN), frozen);
        EventsFile.write(SampleRecord.request(frozen, 20), dir.resolve(EVENTS));
        return keys;
    }

    /** Writes the inputs and seals the record with the embedded TSA; returns the sealed file. */
    public static Path writeSealedDemo(Path dir, char[] passphrase) throws IOException, SigningRulesException {
        InstitutionKeyStore keys = writeInputs(dir, passphrase);
        try (EmbeddedTsa tsa = new EmbeddedTsa(keys.tsaCredential())) {
            SealRequest request = EventsFile.read(dir.resolve(EVENTS), Files.readAllBytes(dir.resolve(FROZEN)));
            SealResult result = new Sealer(keys, new Rfc3161Client(tsa.start(0))).seal(request);
            Path out = dir.resolve(SEALED);
            InstitutionKeyStore.writeAtomically(out, result.sealedPdf());
            return out;
        }
    }
}
