// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The case system's receipt for a registered record; {@code signature} is an optional detached CMS
 * over {@link #signedContent()}.
 */
public record Receipt(String recordId, String documentSha256, String receivedAt, String receiptId, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a receipt body; throws {@link IllegalArgumentException} when it is not a receipt. */
    public static Receipt fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject() || !n.hasNonNull("recordId") || !n.hasNonNull("documentSha256")) {
                throw new IllegalArgumentException("not a receipt: " + abbreviate(json));
            }
            return new Receipt(n.get("recordId").asText(), n.get("documentSha256").asText(),
                    text(n, "receivedAt"), text(n, "receiptId"), text(n, "signature"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("receipt is not JSON: " + abbreviate(json), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    public static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("recordId", recordId);
        n.put("documentSha256", documentSha256);
        n.put("receivedAt", receivedAt);
        n.put("receiptId", receiptId);
        if (signature != null) {
            n.put("signature", signature);
        }
        return n.toString();
    }

    /** The bytes the signature covers: the other four fields, one per line, UTF-8 (docs/sync.md). */
    public byte[] signedContent() {
        return signedContent(recordId, documentSha256, receivedAt, receiptId);
    }

    public static byte[] signedContent(String recordId, String documentSha256, String receivedAt, String receiptId) {
        return (recordId + "\n" + documentSha256 + "\n" + receivedAt + "\n" + receiptId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** True when the signature is present, made by {@code signer} and covers this receipt's fields. */
    public boolean signatureValid(X509Certificate signer) {
        if (signature == null) {
            return false;
        }
        try {
            Pki.provider();
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent()),
                    Base64.getDecoder().decode(signature));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return false;
            }
            X509CertificateHolder expected = new X509CertificateHolder(signer.getEncoded());
            for (SignerInformation si : signers) {
                if (!si.getSID().match(expected)
                        || !si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                    return false;
                }
            }
            return true;
        } catch (CMSException | OperatorCreationException | IllegalArgumentException | java.io.IOException
                 | java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
