// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.pki.i18n.PkiMessages;

/** Reads and writes X.509 certificates as PEM or DER files (trust anchors for verification). */
public final class Certificates {
    private Certificates() {
    }

    /** Every certificate in a PEM (one or more) or DER file. */
    public static List<X509Certificate> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes, CertificateFactory.getInstance("X.509"), file);
        } catch (CertificateException | IOException e) {
            // The JDK cannot parse SM2 (GM) certificates; BouncyCastle's factory can.
            try {
                return parse(bytes, CertificateFactory.getInstance("X.509", Pki.provider()), file);
            } catch (CertificateException e2) {
                throw new LocalizedIOException(PkiMessages.of("certificate.unreadable", file), e2);
            }
        }
    }

    private static List<X509Certificate> parse(byte[] bytes, CertificateFactory cf, Path file)
            throws CertificateException, IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new LocalizedIOException(PkiMessages.of("certificate.none", file));
        }
        return out;
    }

    /** Writes a certificate as PEM. */
    public static void writePem(Path file, X509Certificate certificate) throws IOException {
        InstitutionKeyStore.writeAtomically(file, pem(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    /** A certificate as PEM text. */
    public static String pem(X509Certificate certificate) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode certificate", e);
        }
    }
}
