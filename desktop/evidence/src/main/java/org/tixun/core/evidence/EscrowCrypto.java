// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSCompressedData;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;

/** Encrypts biometric evidence as CMS EnvelopedData (ECDH + AES-256) to the escrow certificate, and decrypts it. */
public final class EscrowCrypto {
    private EscrowCrypto() {
    }

    /** Encrypts {@code plain} so that only the holder of the escrow key can read it. */
    public static byte[] encrypt(byte[] plain, X509Certificate escrow) {
        try {
            KeyPair ephemeral = Pki.newEcKeyPair();
            JceKeyAgreeRecipientInfoGenerator recipient = new JceKeyAgreeRecipientInfoGenerator(
                    CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                            CMSAlgorithm.AES256_WRAP)
                    .setProvider(Pki.provider());
            recipient.addRecipient(escrow);
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipient);
            // Compress first (RFC 3274 CompressedData inside the envelope): InkML shrinks about fourfold.
            byte[] compressed = compressedData(plain);
            CMSEnvelopedData data = generator.generate(new CMSProcessableByteArray(
                    org.bouncycastle.asn1.cms.CMSObjectIdentifiers.compressedData, compressed),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());
            return data.getEncoded();
        } catch (CMSException | GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot encrypt evidence to the escrow certificate", e);
        }
    }

    /** DER CompressedData (zlib) of the bytes; java.util.zip directly, several times faster than BC's stream. */
    private static byte[] compressedData(byte[] plain) throws java.io.IOException {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(plain);
        deflater.finish();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.length / 3 + 64);
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return new org.bouncycastle.asn1.cms.CompressedData(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.cms.CMSObjectIdentifiers
                        .zlibCompress),
                new org.bouncycastle.asn1.cms.ContentInfo(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.data,
                        new org.bouncycastle.asn1.DEROctetString(out.toByteArray()))).getEncoded("DER");
    }

    /**
     * Decrypts data produced by {@link #encrypt}.
     *
     * @throws GeneralSecurityException if the data is not for this escrow key or is damaged
     */
    public static byte[] decrypt(byte[] enveloped, IssuedCredential escrow) throws GeneralSecurityException {
        try {
            CMSEnvelopedData data = new CMSEnvelopedData(enveloped);
            RecipientInformation info = data.getRecipientInfos().get(new JceKeyAgreeRecipientId(escrow.certificate()));
            if (info == null) {
                throw new EscrowedEvidenceException(EvidenceMessages.of("escrow.otherKey"));
            }
            byte[] content = info.getContent(new JceKeyAgreeEnvelopedRecipient(escrow.privateKey())
                    .setProvider(Pki.provider()));
            CMSCompressedData compressed = new CMSCompressedData(new org.bouncycastle.asn1.cms.ContentInfo(
                    org.bouncycastle.asn1.cms.CMSObjectIdentifiers.compressedData,
                    org.bouncycastle.asn1.ASN1Primitive.fromByteArray(content)));
            return compressed.getContent(new ZlibExpanderProvider());
        } catch (CMSException | java.io.IOException e) {
            throw new EscrowedEvidenceException(EvidenceMessages.of("escrow.cannotDecrypt", e), e);
        }
    }
}
