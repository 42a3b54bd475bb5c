// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfString;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Message;

/** Says in words what an object number is in a document: "the content stream of page 3", "font /F1 on page 2". */
final class Describe {
    private Describe() {
    }

    /** What object {@code n} of {@code doc} is, in words. */
    static Message of(PdfDocument doc, int n) {
        try {
            Message w = search(doc, n);
            if (w != null) {
                return w;
            }
            PdfObject o = doc.getPdfObject(n);
            String type = o instanceof PdfDictionary d ? typeOf(d) : o == null ? "" : o.getClass().getSimpleName();
            return type.isEmpty() ? EvidenceMessages.of("describe.object") : EvidenceMessages.of("describe.typedObject",
                    type);
        } catch (RuntimeException e) {
            return EvidenceMessages.of("describe.unreadableObject");
        }
    }

    private static String typeOf(PdfDictionary d) {
        PdfName t = d.getAsName(PdfName.Type);
        PdfName s = d.getAsName(PdfName.Subtype);
        return (t == null ? "" : t.toString()) + (s == null ? "" : (t == null ? "" : " ") + s);
    }

    private static int num(PdfObject o) {
        if (o == null) {
            return 0;
        }
        PdfIndirectReference r = o.isIndirectReference() ? (PdfIndirectReference) o : o.getIndirectReference();
        return r == null ? 0 : r.getObjNumber();
    }

    private static Message search(PdfDocument doc, int n) {
        PdfDictionary trailer = doc.getTrailer();
        if (num(trailer.get(PdfName.Root, false)) == n) {
            return EvidenceMessages.of("describe.documentCatalog");
        }
        if (num(trailer.get(PdfName.Info, false)) == n) {
            return EvidenceMessages.of("describe.documentInformation");
        }
        PdfDictionary cat = doc.getCatalog().getPdfObject();
        if (num(cat.get(PdfName.Metadata, false)) == n) {
            return EvidenceMessages.of("describe.xmpMetadata");
        }
        if (num(cat.get(PdfName.Pages, false)) == n) {
            return EvidenceMessages.of("describe.pageTree");
        }
        for (PdfName key : new PdfName[] {PdfName.AcroForm, PdfName.Names, PdfName.AF, PdfName.OpenAction,
                PdfName.AA, PdfName.DSS, PdfName.Perms, PdfName.OutputIntents, PdfName.StructTreeRoot}) {
            if (num(cat.get(key, false)) == n) {
                return EvidenceMessages.of("describe.catalogEntry", key);
            }
        }
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            PdfDictionary page = doc.getPage(p).getPdfObject();
            if (num(page) == n) {
                return EvidenceMessages.of("describe.pageDictionary", p);
            }
            PdfObject contents = page.get(PdfName.Contents, false);
            if (num(contents) == n || contains(page.getAsArray(PdfName.Contents), n)) {
                return EvidenceMessages.of("describe.contentStream", p);
            }
            if (num(page.get(PdfName.Resources, false)) == n) {
                return EvidenceMessages.of("describe.pageResources", p);
            }
            PdfDictionary res = page.getAsDictionary(PdfName.Resources);
            if (res != null) {
                for (PdfName group : res.keySet()) {
                    if (num(res.get(group, false)) == n) {
                        return EvidenceMessages.of("describe.resourceGroup", p, group);
                    }
                    PdfDictionary g = res.getAsDictionary(group);
                    for (PdfName k : g == null ? java.util.Set.<PdfName>of() : g.keySet()) {
                        if (num(g.get(k, false)) == n) {
                            String kind = PdfName.Font.equals(group) ? "describe.font" : PdfName.XObject.equals(group)
                                    ? "describe.xobject" : "describe.resource";
                            return EvidenceMessages.of(kind, p, k);
                        }
                    }
                }
            }
            if (num(page.get(PdfName.Annots, false)) == n) {
                return EvidenceMessages.of("describe.annotationList", p);
            }
            PdfArray annots = page.getAsArray(PdfName.Annots);
            for (int i = 0; annots != null && i < annots.size(); i++) {
                PdfDictionary a = annots.getAsDictionary(i);
                if (a == null) {
                    continue;
                }
                Message what = annotation(a);
                if (num(annots.get(i, false)) == n) {
                    return EvidenceMessages.of("describe.annotationOnPage", p, what);
                }
                PdfDictionary ap = a.getAsDictionary(PdfName.AP);
                if (num(a.get(PdfName.AP, false)) == n || ap != null && (num(ap.get(PdfName.N, false)) == n
                        || num(ap.get(PdfName.D, false)) == n || num(ap.get(PdfName.R, false)) == n)) {
                    return EvidenceMessages.of("describe.appearance", p, what);
                }
                PdfDictionary fs = a.getAsDictionary(PdfName.FS);
                if (fs != null) {
                    String name = Verifier.fileName(fs);
                    PdfDictionary ef = fs.getAsDictionary(PdfName.EF);
                    if (num(a.get(PdfName.FS, false)) == n) {
                        return EvidenceMessages.of("describe.fileSpecification", name);
                    }
                    if (ef != null && num(ef.get(PdfName.F, false)) == n) {
                        return EvidenceMessages.of("describe.embeddedFile", name);
                    }
                }
                if (num(a.get(PdfName.V, false)) == n) {
                    return EvidenceMessages.of("describe.signatureDictionary", what);
                }
            }
        }
        return null;
    }

    private static boolean contains(PdfArray a, int n) {
        for (int i = 0; a != null && i < a.size(); i++) {
            if (num(a.get(i, false)) == n) {
                return true;
            }
        }
        return false;
    }

    private static Message annotation(PdfDictionary a) {
        PdfName sub = a.getAsName(PdfName.Subtype);
        PdfString nm = a.getAsString(PdfName.NM);
        PdfString t = a.getAsString(PdfName.T);
        String name = nm != null ? nm.toUnicodeString() : t != null ? t.toUnicodeString() : "";
        if (PdfName.Widget.equals(sub)) {
            return EvidenceMessages.of("describe.widget", name);
        }
        return sub == null ? EvidenceMessages.of("describe.annotation", name)
                : EvidenceMessages.of("describe.typedAnnotation", sub.getValue(), name);
    }
}
