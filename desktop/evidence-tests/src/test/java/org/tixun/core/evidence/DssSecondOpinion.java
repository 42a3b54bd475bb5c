// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** DSS 6.4 offline validation with the institution CA as the only trust anchor; the policy is loaded once. */
public final class DssSecondOpinion {
    private static ValidationPolicy policy;

    /** Indications per signature and time-stamp id, e.g. "S-..: TOTAL_PASSED". */
    public static List<String> indications(byte[] pdf, X509Certificate anchor) throws Exception {
        Reports reports = validate(pdf, anchor);
        SimpleReport simple = reports.getSimpleReport();
        List<String> out = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            out.add("signature " + simple.getSignedBy(id) + ": " + simple.getIndication(id)
                    + (simple.getSubIndication(id) == null ? "" : " " + simple.getSubIndication(id)));
        }
        for (String id : simple.getTimestampIdList()) {
            out.add("timestamp " + id + ": " + simple.getIndication(id)
                    + (simple.getSubIndication(id) == null ? "" : " " + simple.getSubIndication(id)));
        }
        return out;
    }

    /**
     * DSS's difference analysis: for every signature and document time-stamp, each object modification it found after
     * that revision, as "category field/type action value" (categories: undefined, annotation, form-fill, extension).
     */
    public static List<String> objectModifications(byte[] pdf, X509Certificate anchor) throws Exception {
        return objectModifications(validate(pdf, anchor));
    }

    static List<String> objectModifications(Reports reports) {
        List<String> out = new ArrayList<>();
        var data = reports.getDiagnosticData();
        List<eu.europa.esig.dss.diagnostic.PDFRevisionWrapper> revisions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var s : data.getSignatures()) {
            revisions.add(s.getPDFRevision());
            names.add("signature " + s.getPDFRevision().getFirstFieldName());
        }
        for (var t : data.getTimestampList()) {
            revisions.add(t.getPDFRevision());
            names.add("timestamp " + t.getId());
        }
        for (int i = 0; i < revisions.size(); i++) {
            var r = revisions.get(i);
            if (r == null) {
                continue;
            }
            add(out, names.get(i), "undefined", r.getPdfUndefinedChanges());
            add(out, names.get(i), "annotation", r.getPdfAnnotationChanges());
            add(out, names.get(i), "form-fill", r.getPdfSignatureOrFormFillChanges());
            add(out, names.get(i), "extension", r.getPdfExtensionChanges());
        }
        return out;
    }

    private static void add(List<String> out, String who, String category,
            List<eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification> changes) {
        for (var c : changes) {
            out.add(who + ": " + category + " " + c.getFieldName() + "/" + c.getType() + " " + c.getAction() + " "
                    + c.getValue());
        }
    }

    /** True when every signature is TOTAL_PASSED. */
    public static boolean totalPassed(byte[] pdf, X509Certificate anchor) throws Exception {
        SimpleReport simple = validate(pdf, anchor).getSimpleReport();
        return !simple.getSignatureIdList().isEmpty() && simple.getSignatureIdList().stream()
                .allMatch(id -> simple.getIndication(id) == Indication.TOTAL_PASSED);
    }

    static Reports validate(byte[] pdf, X509Certificate anchor) throws Exception {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(anchor));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument(policy());
    }

    private static synchronized ValidationPolicy policy() throws Exception {
        if (policy == null) {
            try (java.io.InputStream in = ValidationPolicyFacade.class.getResourceAsStream("/policy/constraint.xml")) {
                policy = ValidationPolicyFacade.newFacade().getValidationPolicy(in);
            }
        }
        return policy;
    }

    private DssSecondOpinion() {
    }
}
