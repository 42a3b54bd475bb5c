// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.fingerprint;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.tixun.core.evidence.EscrowCrypto;
import org.tixun.core.pki.Pki;

/**
 * An impression that passed the quality gate, with what the record keeps of it: the ISO/IEC 19794-4 finger image
 * record (biometric data: stored only encrypted to the escrow key, {@link #encryptedRecord}) and the red impression
 * for the page ({@link #redImpressionPng}).
 *
 * @param image the reader's image
 * @param finger which finger
 * @param quality the quality gate's figures
 * @param reader the reader it came from
 * @param isoRecord the ISO/IEC 19794-4:2005 record (plain; encrypt before storing)
 */
public record Impression(FingerImage image, FingerPosition finger, ImpressionQuality.Assessment quality,
        ReaderInfo reader, byte[] isoRecord) {
    /** File name suffix of the ISO/IEC 19794-4 record. */
    public static final String RECORD_SUFFIX = ".fir";

    public Impression {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(finger, "finger");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(isoRecord, "isoRecord");
    }

    /** The record as CMS EnvelopedData to the escrow certificate, exactly as the stroke data is stored. */
    public byte[] encryptedRecord(X509Certificate escrow) {
        return EscrowCrypto.encrypt(isoRecord, escrow);
    }

    /** The red impression for the page (PNG with transparency, cropped to the finger). */
    public byte[] redImpressionPng() {
        return RedImpression.png(image);
    }

    /** SHA-256 (hex) of the plain record, for the manifest. */
    public String recordSha256() {
        return Pki.sha256Hex(isoRecord);
    }
}
