// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tixun.core.TixunException;
import org.tixun.core.config.DataDir;
import org.tixun.core.pki.InstitutionKeyStore;

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
            String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.rootCertificate().getEncoded());
            InstitutionKeyStore.writeAtomically(dataDir.rootCertificate(),
                    ("-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n")
                            .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, "Cannot write the institution root certificate "
                    + dataDir.rootCertificate() + ": " + e.getMessage(), e);
        }
    }

    /** The trust anchors for verification; an empty list when none was published yet. */
    public static List<X509Certificate> load(DataDir dataDir) {
        if (!Files.exists(dataDir.rootCertificate())) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(dataDir.rootCertificate())) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new TixunException(TixunException.Exit.DATA_DIR, "The institution root certificate "
                    + dataDir.rootCertificate() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
