// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Object identifiers and readers for the Tixun-specific certificate extensions. */
public final class EvidenceExtensions {
    /**
     * Extension carrying the SHA-256 of the signer's evidence manifest (an OCTET STRING of 32 bytes).
     * Under the UUID arc 2.25 so no registration is needed.
     */
    public static final ASN1ObjectIdentifier MANIFEST_SHA256 =
            new ASN1ObjectIdentifier("2.25.218231604357114683340939125418731180401.1");

    /** Certificate policy of a one-time signature-event certificate (a signer's revision). */
    public static final ASN1ObjectIdentifier POLICY_SIGNATURE_EVENT =
            new ASN1ObjectIdentifier("2.25.218231604357114683340939125418731180401.2.1");
    /** Certificate policy of the institution seal (certification and seal signatures). */
    public static final ASN1ObjectIdentifier POLICY_SEAL =
            new ASN1ObjectIdentifier("2.25.218231604357114683340939125418731180401.2.2");
    /** Certificate policy of the institution's own time-stamping unit. */
    public static final ASN1ObjectIdentifier POLICY_TSA =
            new ASN1ObjectIdentifier("2.25.218231604357114683340939125418731180401.2.3");

    private EvidenceExtensions() {
    }

    /** The certificate policy OIDs a certificate carries (empty without the extension or when it is malformed). */
    public static java.util.Set<String> policies(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.certificatePolicies.getId());
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (ext == null) {
            return out;
        }
        try {
            ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(
                    ASN1Primitive.fromByteArray(ext)).getOctets());
            for (org.bouncycastle.asn1.x509.PolicyInformation pi : org.bouncycastle.asn1.x509.CertificatePolicies
                    .getInstance(inner).getPolicyInformation()) {
                out.add(pi.getPolicyIdentifier().getId());
            }
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Set.of();
        }
        return out;
    }

    /** Returns the manifest hash carried by an event certificate, if any. */
    public static Optional<byte[]> manifestSha256(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(MANIFEST_SHA256.getId());
        if (ext == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive outer = ASN1Primitive.fromByteArray(ext);
            ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(outer).getOctets());
            return Optional.of(ASN1OctetString.getInstance(inner).getOctets());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed manifest-hash extension", e);
        }
    }
}
