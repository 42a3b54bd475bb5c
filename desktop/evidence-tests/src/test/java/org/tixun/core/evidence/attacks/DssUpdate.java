// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.attacks;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;

/**
 * Benign PAdES LTA maintenance written by hand the way another tool might: a /DSS-only incremental update (a fresh
 * CRL added to the catalog's /DSS) with a classic cross-reference table, whatever style the file used before.
 */
final class DssUpdate {
    private DssUpdate() {
    }

    static byte[] classic(byte[] pdf, X509CRL crl) {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfIndirectReference root = doc.getCatalog().getPdfObject().getIndirectReference();
            PdfIndirectReference info = doc.getTrailer().getAsDictionary(PdfName.Info) == null ? null
                    : doc.getTrailer().getAsDictionary(PdfName.Info).getIndirectReference();
            if (root.getObjStreamNumber() != 0) {
                throw new IllegalStateException("the catalog is in an object stream: this writer copies it as text");
            }
            String catalog = objectText(pdf, (int) root.getOffset());
            int crlNumber = doc.getNumberOfPdfObjects();
            String updated = catalog.replaceFirst("/CRLs\\s*\\[", "/CRLs[" + crlNumber + " 0 R ");
            if (updated.equals(catalog)) {
                throw new IllegalStateException("no /DSS /CRLs in the catalog");
            }
            long prev = doc.getReader().getLastXref();
            PdfArray id = doc.getTrailer().getAsArray(PdfName.ID);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(pdf);
            out.write('\n');
            long crlAt = out.size();
            byte[] der = crl.getEncoded();
            out.write((crlNumber + " 0 obj\n<</Length " + der.length + ">>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(der);
            out.write("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
            long catAt = out.size();
            out.write(updated.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
            long xref = out.size();
            StringBuilder sb = new StringBuilder("xref\n");
            sb.append(root.getObjNumber()).append(" 1\n").append(String.format("%010d %05d n \n", catAt,
                    root.getGenNumber()));
            sb.append(crlNumber).append(" 1\n").append(String.format("%010d 00000 n \n", crlAt));
            sb.append("trailer\n<</Size ").append(crlNumber + 1).append("/Root ").append(root.getObjNumber())
                    .append(" 0 R");
            if (info != null) {
                sb.append("/Info ").append(info.getObjNumber()).append(" 0 R");
            }
            sb.append("/Prev ").append(prev);
            if (id != null && id.size() == 2) {
                sb.append("/ID[<").append(hex(id.getAsString(0))).append("><").append(hex(id.getAsString(1)))
                        .append(">]");
            }
            sb.append(">>\nstartxref\n").append(xref).append("\n%%EOF\n");
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("DSS update failed", e);
        }
    }

    private static String objectText(byte[] pdf, int at) {
        String s = new String(pdf, at, Math.min(pdf.length - at, 64 * 1024), StandardCharsets.ISO_8859_1);
        int end = s.indexOf("endobj");
        return s.substring(0, end + "endobj".length());
    }

    private static String hex(PdfString s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getValueBytes()) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
