// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfString;

/** Says in words what an object number is in a document: "the content stream of page 3", "font /F1 on page 2". */
final class Describe {
    private Describe() {
    }

    private record Words(String zh, String en) {
    }

    static String zh(PdfDocument doc, int n) {
        return find(doc, n).zh();
    }

    static String en(PdfDocument doc, int n) {
        return find(doc, n).en();
    }

    private static Words find(PdfDocument doc, int n) {
        try {
            Words w = search(doc, n);
            if (w != null) {
                return w;
            }
            PdfObject o = doc.getPdfObject(n);
            String type = o instanceof PdfDictionary d ? typeOf(d) : o == null ? "" : o.getClass().getSimpleName();
            return new Words("对象" + (type.isEmpty() ? "" : " " + type), "an object" + (type.isEmpty() ? ""
                    : " " + type));
        } catch (RuntimeException e) {
            return new Words("无法解析的对象", "an unreadable object");
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

    private static Words search(PdfDocument doc, int n) {
        PdfDictionary trailer = doc.getTrailer();
        if (num(trailer.get(PdfName.Root, false)) == n) {
            return new Words("文档目录 /Catalog", "the document catalog");
        }
        if (num(trailer.get(PdfName.Info, false)) == n) {
            return new Words("文档信息 /Info", "the document information dictionary (/Info)");
        }
        PdfDictionary cat = doc.getCatalog().getPdfObject();
        if (num(cat.get(PdfName.Metadata, false)) == n) {
            return new Words("XMP 元数据", "the XMP metadata stream");
        }
        if (num(cat.get(PdfName.Pages, false)) == n) {
            return new Words("页面树", "the page tree");
        }
        for (PdfName key : new PdfName[] {PdfName.AcroForm, PdfName.Names, PdfName.AF, PdfName.OpenAction,
                PdfName.AA, PdfName.DSS, PdfName.Perms, PdfName.OutputIntents, PdfName.StructTreeRoot}) {
            if (num(cat.get(key, false)) == n) {
                return new Words("文档目录的 " + key, "the catalog's " + key);
            }
        }
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            PdfDictionary page = doc.getPage(p).getPdfObject();
            if (num(page) == n) {
                return new Words("第 " + p + " 页的页面字典", "the page dictionary of page " + p);
            }
            PdfObject contents = page.get(PdfName.Contents, false);
            if (num(contents) == n || contains(page.getAsArray(PdfName.Contents), n)) {
                return new Words("第 " + p + " 页的内容流", "the content stream of page " + p);
            }
            if (num(page.get(PdfName.Resources, false)) == n) {
                return new Words("第 " + p + " 页的资源字典", "the resources of page " + p);
            }
            PdfDictionary res = page.getAsDictionary(PdfName.Resources);
            if (res != null) {
                for (PdfName group : res.keySet()) {
                    if (num(res.get(group, false)) == n) {
                        return new Words("第 " + p + " 页的资源 " + group, "resources " + group + " of page " + p);
                    }
                    PdfDictionary g = res.getAsDictionary(group);
                    for (PdfName k : g == null ? java.util.Set.<PdfName>of() : g.keySet()) {
                        if (num(g.get(k, false)) == n) {
                            String kind = PdfName.Font.equals(group) ? "字体" : PdfName.XObject.equals(group)
                                    ? "XObject" : "资源";
                            String kindEn = PdfName.Font.equals(group) ? "font" : PdfName.XObject.equals(group)
                                    ? "XObject" : "resource";
                            return new Words("第 " + p + " 页的" + kind + " " + k, kindEn + " " + k + " on page " + p);
                        }
                    }
                }
            }
            if (num(page.get(PdfName.Annots, false)) == n) {
                return new Words("第 " + p + " 页的注释列表", "the annotation list of page " + p);
            }
            PdfArray annots = page.getAsArray(PdfName.Annots);
            for (int i = 0; annots != null && i < annots.size(); i++) {
                PdfDictionary a = annots.getAsDictionary(i);
                if (a == null) {
                    continue;
                }
                String what = annotation(a);
                if (num(annots.get(i, false)) == n) {
                    return new Words("第 " + p + " 页的" + what, what + " on page " + p);
                }
                PdfDictionary ap = a.getAsDictionary(PdfName.AP);
                if (num(a.get(PdfName.AP, false)) == n || ap != null && (num(ap.get(PdfName.N, false)) == n
                        || num(ap.get(PdfName.D, false)) == n || num(ap.get(PdfName.R, false)) == n)) {
                    return new Words("第 " + p + " 页" + what + "的外观", "the appearance of " + what + " on page " + p);
                }
                PdfDictionary fs = a.getAsDictionary(PdfName.FS);
                if (fs != null) {
                    String name = Verifier.fileName(fs);
                    PdfDictionary ef = fs.getAsDictionary(PdfName.EF);
                    if (num(a.get(PdfName.FS, false)) == n) {
                        return new Words("附件 " + name + " 的文件说明", "the file specification of " + name);
                    }
                    if (ef != null && num(ef.get(PdfName.F, false)) == n) {
                        return new Words("附件 " + name + " 的内容", "the embedded file " + name);
                    }
                }
                if (num(a.get(PdfName.V, false)) == n) {
                    return new Words(what + "的签名字典", "the signature dictionary of " + what);
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

    private static String annotation(PdfDictionary a) {
        PdfName sub = a.getAsName(PdfName.Subtype);
        PdfString nm = a.getAsString(PdfName.NM);
        PdfString t = a.getAsString(PdfName.T);
        String name = nm != null ? nm.toUnicodeString() : t != null ? t.toUnicodeString() : "";
        if (PdfName.Widget.equals(sub)) {
            return "field " + name + " widget";
        }
        return (sub == null ? "annotation" : sub.getValue() + " annotation") + (name.isEmpty() ? "" : " " + name);
    }
}
