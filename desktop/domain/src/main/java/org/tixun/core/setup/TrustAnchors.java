// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.tixun.core.TixunException;
import org.tixun.core.config.DataDir;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.util.Messages;

/**
 * The institution root certificate as a public file beside the keystore, so clerks can verify
 * sealed records without unlocking any private key.
 */
public final class TrustAnchors {
    private TrustAnchors() {
    }

    /** Writes the root certificate of {@code keys} as PEM into the data dir. */
    public static void publish(DataDir dataDir, InstitutionKeyStore keys) {
        try {
            Certificates.writePem(dataDir.rootCertificate(), keys.rootCertificate());
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("trust.rootUnwritable",
                    dataDir.rootCertificate(), e), e);
        }
    }

    /**
     * The trust anchors for verification: the institution root and the anchors of the external time-stamp
     * authorities it has sealed with; an empty list when no root was published yet.
     */
    public static List<X509Certificate> load(DataDir dataDir) {
        if (!Files.exists(dataDir.rootCertificate())) {
            return List.of();
        }
        List<X509Certificate> out = new java.util.ArrayList<>();
        try {
            out.addAll(Certificates.read(dataDir.rootCertificate()));
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("trust.rootUnreadable",
                    dataDir.rootCertificate(), e), e);
        }
        if (Files.exists(dataDir.timeStampAnchors())) {
            try {
                out.addAll(Certificates.read(dataDir.timeStampAnchors()));
            } catch (IOException e) {
                throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("trust.rootUnreadable",
                        dataDir.timeStampAnchors(), e), e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Keeps an external time-stamp authority's trust anchor beside the root (once), so records it stamped verify here
     * and in the archive; called when a record is sealed with that authority.
     */
    public static synchronized void addTimeStampAnchor(DataDir dataDir, X509Certificate anchor) throws IOException {
        Path file = dataDir.timeStampAnchors();
        List<X509Certificate> known = Files.exists(file) ? Certificates.read(file) : List.of();
        if (known.contains(anchor)) {
            return;
        }
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : known) {
            pem.append(Certificates.pem(c));
        }
        pem.append(Certificates.pem(anchor));
        InstitutionKeyStore.writeAtomically(file, pem.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
