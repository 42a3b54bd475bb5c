// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNameTree;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.Test;

/** Each way of tampering with a sealed record is detected with the message that names what happened. */
class TamperTest {
    private final EvidenceFixtures f = EvidenceFixtures.get();

    private VerificationReport verify(byte[] pdf) throws Exception {
        return new Verifier(List.of(f.keys.rootCertificate())).verify("tampered.pdf", pdf);
    }

    private static List<String> failed(VerificationReport report) {
        return report.failures().stream().map(Finding::zh).toList();
    }

    private byte[] appendUpdate(Consumer<PdfDocument> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(f.sealed.sealedPdf())),
                new PdfWriter(out), new StampingProperties().useAppendMode())) {
            change.accept(doc);
        }
        return out.toByteArray();
    }

    /** Offset in the file of the raw data of the given stream of the sealed record. */
    private long streamOffset(java.util.function.Function<PdfDocument, PdfStream> which) throws Exception {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(f.sealed.sealedPdf())))) {
            PdfStream s = which.apply(doc);
            java.lang.reflect.Method m = PdfStream.class.getDeclaredMethod("getOffset");
            m.setAccessible(true);
            return (long) m.invoke(s);
        }
    }

    /** The file attachment annotation carrying the named evidence file. */
    static com.itextpdf.kernel.pdf.PdfDictionary attachment(PdfDocument doc, String name) {
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            com.itextpdf.kernel.pdf.PdfArray annots = doc.getPage(p).getPdfObject().getAsArray(PdfName.Annots);
            for (int i = 0; annots != null && i < annots.size(); i++) {
                com.itextpdf.kernel.pdf.PdfDictionary a = annots.getAsDictionary(i);
                if (PdfName.FileAttachment.equals(a.getAsName(PdfName.Subtype))
                        && name.equals(a.getAsString(PdfName.NM).toUnicodeString())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("no attachment " + name);
    }

    private static PdfStream embedded(PdfDocument doc, String name) {
        return attachment(doc, name).getAsDictionary(PdfName.FS).getAsDictionary(PdfName.EF).getAsStream(PdfName.F);
    }

    @Test
    void byteFlipInPageContentNamesThePageAndTheFirstSigner() throws Exception {
        long at = streamOffset(doc -> doc.getPage(3).getFirstContentStream());
        byte[] pdf = f.sealed.sealedPdf().clone();
        pdf[(int) at + 20] ^= 0x5A;
        VerificationReport r = verify(pdf);
        assertThat(failed(r)).contains("第 3 页内容在犯罪嫌疑人签名后被修改", "冻结的笔录原文（第 0 版）被修改")
                .contains("犯罪嫌疑人张三的签名完整性校验失败：签名后文件被改动");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void byteFlipInAnEvidenceFileIsDetected() throws Exception {
        long at = streamOffset(doc -> embedded(doc, "s2-strokes.inkml.p7m"));
        byte[] pdf = f.sealed.sealedPdf().clone();
        pdf[(int) at + 40] ^= 0x01;
        VerificationReport r = verify(pdf);
        assertThat(failed(r)).contains("合适成年人李四的签名完整性校验失败：签名后文件被改动")
                .anyMatch(m -> m.startsWith("合适成年人李四的证据文件与清单不符") && m.contains("s2-strokes.inkml.p7m"));
        assertThat(failed(r)).noneMatch(m -> m.startsWith("犯罪嫌疑人张三的签名完整性"));
    }

    @Test
    void appendedUpdateChangingTextNamesThePageAndTheLastIntactSigner() throws Exception {
        byte[] pdf = appendUpdate(doc -> {
            PdfStream content = doc.getPage(3).getFirstContentStream();
            byte[] text = content.getBytes();
            String s = new String(text, StandardCharsets.ISO_8859_1).replaceFirst("Tj", "Tj 0 0 m 100 100 l S");
            content.setData(s.getBytes(StandardCharsets.ISO_8859_1));
            content.setModified();
        });
        VerificationReport r = verify(pdf);
        assertThat(failed(r)).contains("第 3 页内容在记录人签名后被修改", "文件在最后一次签名（时间戳）之后被追加修改")
                .anyMatch(m -> m.startsWith("第 10 版（未签名的追加更新）改动了对象") && m.contains("第 3 页的内容流"));
        assertThat(failed(r)).noneMatch(m -> m.contains("完整性校验失败"));
    }

    @Test
    void replacedPageIsDetected() throws Exception {
        byte[] pdf = appendUpdate(doc -> {
            doc.removePage(5);
            doc.addNewPage(5, com.itextpdf.kernel.geom.PageSize.A4);
        });
        assertThat(failed(verify(pdf))).contains("第 5 页内容在记录人签名后被修改");
    }

    @Test
    void appendedUpdateRemovingAnAttachmentIsDetected() throws Exception {
        byte[] pdf = appendUpdate(doc -> {
            com.itextpdf.kernel.pdf.PdfDictionary a = attachment(doc, "s1-strokes.iso19794-7.p7m");
            com.itextpdf.kernel.pdf.PdfDictionary page = a.getAsDictionary(PdfName.P);
            page.getAsArray(PdfName.Annots).remove(a.getIndirectReference());
            page.setModified();
        });
        // The suspect's evidence is read from the suspect's own revision, where it is intact; the later update that
        // drops the annotation carrying it is named by the difference analysis.
        assertThat(failed(verify(pdf))).contains("第 10 版（未签名的追加更新）改动了第 20 页的页面字典的 /Annots（条目被删除或替换）：该版本不允许此类改动",
                "文件在最后一次签名（时间戳）之后被追加修改");
    }

    @Test
    void removedSignatureFieldIsDetected() throws Exception {
        byte[] pdf = appendUpdate(doc -> PdfAcroForm.getAcroForm(doc, false).removeField("adult-sig"));
        assertThat(failed(verify(pdf))).contains("合适成年人李四的签名（字段 adult-sig）已被删除");
    }

    @Test
    void evidenceSwappedBetweenSignersIsDetected() throws Exception {
        byte[] pdf = appendUpdate(doc -> {
            com.itextpdf.kernel.pdf.PdfDictionary first = attachment(doc, "s1-strokes.inkml.p7m")
                    .getAsDictionary(PdfName.FS).getAsDictionary(PdfName.EF);
            com.itextpdf.kernel.pdf.PdfDictionary second = attachment(doc, "s2-strokes.inkml.p7m")
                    .getAsDictionary(PdfName.FS).getAsDictionary(PdfName.EF);
            PdfObject a = first.get(PdfName.F, false);
            PdfObject b = second.get(PdfName.F, false);
            first.put(PdfName.F, b);
            second.put(PdfName.F, a);
            attachment(doc, "s1-strokes.inkml.p7m").getAsDictionary(PdfName.FS).setModified();
            attachment(doc, "s2-strokes.inkml.p7m").getAsDictionary(PdfName.FS).setModified();
        });
        List<String> failed = failed(verify(pdf));
        assertThat(failed).anyMatch(m -> m.startsWith("第 10 版（未签名的追加更新）改动了对象")
                && m.contains("附件 s1-strokes.inkml.p7m 的文件说明"))
                .anyMatch(m -> m.contains("附件 s2-strokes.inkml.p7m 的文件说明"));
    }

    @Test
    void removedSignatureTimestampIsDetected() throws Exception {
        byte[] pdf = f.sealed.sealedPdf().clone();
        byte[] contents;
        long[] range;
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            var sig = new SignatureUtil(doc).getSignature("interrogator-1-sig");
            contents = sig.getContents().getValueBytes();
            range = new long[] {sig.getByteRange().getAsNumber(1).longValue(),
                    sig.getByteRange().getAsNumber(2).longValue()};
        }
        CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(
                new org.bouncycastle.asn1.ASN1InputStream(contents).readObject()));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        SignerInformation stripped = SignerInformation.replaceUnsignedAttributes(signer, null);
        byte[] without = CMSSignedData.replaceSigners(cms, new SignerInformationStore(stripped)).getEncoded("DER");
        StringBuilder hex = new StringBuilder("<");
        for (byte b : without) {
            hex.append(String.format("%02x", b));
        }
        while (hex.length() < range[1] - range[0] - 1) {
            hex.append('0');
        }
        hex.append('>');
        byte[] replacement = hex.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replacement, 0, pdf, (int) range[0], replacement.length);
        List<String> failed = failed(verify(pdf));
        assertThat(failed).contains("讯问人王五的签名缺少时间戳")
                .contains("讯问人赵六的签名完整性校验失败：签名后文件被改动")
                .doesNotContain("讯问人王五的签名完整性校验失败：签名后文件被改动");
    }

    @Test
    void noPlaintextStrokeOrFingerprintDataAnywhereInTheFile() throws Exception {
        byte[] pdf = f.sealed.sealedPdf();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(pdf);
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i < doc.getNumberOfPdfObjects(); i++) {
                PdfObject o = doc.getPdfObject(i);
                if (o instanceof PdfStream s) {
                    try {
                        all.write(s.getBytes(true));
                    } catch (RuntimeException e) {
                        all.write(s.getBytes(false));
                    }
                }
            }
        }
        byte[] haystack = all.toByteArray();
        SignatureEvent e = f.request.events().get(0);
        byte[] iso = org.tixun.core.evidence.format.Iso19794Strokes.encode(List.of(
                new org.tixun.core.evidence.format.Iso19794Strokes.Representation(e.times().hostStart(), e.device(),
                        e.samples())));
        byte[] inkml = org.tixun.core.evidence.format.InkMl.encode(List.of(e));
        byte[] fingerprint = org.tixun.demo.SampleRecord.fingerprintImage();
        // Distinctive runs from each plaintext: the ISO sample block, an InkML trace, the fingerprint PNG body.
        assertThat(indexOf(haystack, java.util.Arrays.copyOfRange(iso, 60, 120))).isEqualTo(-1);
        String trace = new String(inkml, StandardCharsets.UTF_8);
        int t = trace.indexOf("<trace>") + 7;
        assertThat(indexOf(haystack, trace.substring(t, t + 60).getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(indexOf(haystack, "<ink xmlns".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(indexOf(haystack, "SDI\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(indexOf(haystack, java.util.Arrays.copyOfRange(fingerprint, 40, 100))).isEqualTo(-1);
        // Also not compressed plainly: deflate the fingerprint and look for that too.
        Deflater d = new Deflater();
        d.setInput(fingerprint);
        d.finish();
        byte[] buf = new byte[fingerprint.length * 2];
        int n = d.deflate(buf);
        assertThat(indexOf(haystack, java.util.Arrays.copyOfRange(buf, 20, Math.min(n, 80)))).isEqualTo(-1);
        // The scan itself can find things: the plain photo is there.
        byte[] photo = e.photoAtPenDownJpeg();
        assertThat(indexOf(haystack, java.util.Arrays.copyOfRange(photo, 100, 160))).isNotEqualTo(-1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
