// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.tixun.core.pki.Pki;

/** Per-page fingerprints: SHA-256 of a page's MediaBox and decoded content streams, as frozen. */
public final class PageFingerprints {
    /** Fingerprint reported for a page whose content cannot be decoded. */
    public static final String UNREADABLE = "unreadable";

    private PageFingerprints() {
    }

    /** Fingerprints of every page, in order; an undecodable page yields {@link #UNREADABLE}. */
    public static List<String> of(PdfDocument document) {
        List<String> out = new ArrayList<>(document.getNumberOfPages());
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            out.add(of(document.getPage(i)));
        }
        return out;
    }

    /** Fingerprint of one page. */
    public static String of(PdfPage page) {
        try {
            MessageDigest digest = Pki.sha256Digest();
            digest.update(page.getMediaBox().toString().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(page.getContentBytes());
            return Pki.hex(digest.digest());
        } catch (RuntimeException e) {
            // A damaged stream (flipped bytes in compressed content) cannot be decoded: that is a modification.
            return UNREADABLE;
        }
    }
}
