// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import java.io.IOException;
import java.nio.file.Files;
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

    /** The trust anchors for verification; an empty list when none was published yet. */
    public static List<X509Certificate> load(DataDir dataDir) {
        if (!Files.exists(dataDir.rootCertificate())) {
            return List.of();
        }
        try {
            return Certificates.read(dataDir.rootCertificate());
        } catch (IOException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, Messages.of("trust.rootUnreadable",
                    dataDir.rootCertificate(), e), e);
        }
    }
}
