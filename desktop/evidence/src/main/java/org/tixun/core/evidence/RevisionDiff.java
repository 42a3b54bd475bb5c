// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.i18n.Message;

/**
 * Object-level difference analysis: every revision after the frozen record is compared with the one before it, and
 * each object it adds, redefines or frees must be a change its kind of revision allows (decision 0009):
 * <ul>
 * <li>certification: its signature field and widget, /AcroForm, /Perms, /Extensions;</li>
 * <li>a signer's revision: its signature field and widget, appended to /Fields and the page's /Annots; Stamp
 * annotations (ink) and FileAttachment annotations (evidence) named with the signer's prefix; the appearance of still
 * empty signature fields of the signer's own slots;</li>
 * <li>the institution seal: its invisible field and the seal's FileAttachment annotations;</li>
 * <li>after the seal: validation data (/DSS, /VRI, /Extensions) and document time-stamps only.</li>
 * </ul>
 * Anything else — content streams, resources, fonts, other annotations, appearances, form fields, page boxes,
 * actions, /Names, /AF, document information, XMP — is a finding naming the object and the revision, whoever signed or
 * time-stamped the file afterwards.
 */
final class RevisionDiff {
    /** What a revision is, from the signature (if any) whose byte range ends where the revision ends. */
    enum Kind {
        FROZEN, CERTIFICATION, SIGNER, SEAL, DOC_TIMESTAMP, VALIDATION_DATA, OTHER_SIGNATURE
    }

    /**
     * A classified revision.
     *
     * @param revision the revision
     * @param kind its kind
     * @param field the signature field it signs, or null
     * @param signerNumber for signer revisions, the 1-based position among signers (file prefix {@code s<N>-})
     * @param slotIds for signer revisions, the slots (= field names) the signer's manifest names
     */
    record Step(Revisions.Revision revision, Kind kind, String field, int signerNumber, Set<String> slotIds) {
    }

    /** One disallowed change, in words. */
    record Change(int revision, Message message) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<Integer, Index> indexes = new HashMap<>();
    private final int docMdp;

    private RevisionDiff(int docMdp) {
        this.docMdp = docMdp;
    }

    /**
     * Compares every step with the one before it.
     *
     * @param steps the frozen revision first, then every later revision in order
     * @param docMdp the certification's DocMDP level (1-3), or 0 when the record is not certified
     */
    static List<Change> analyse(List<Step> steps, int docMdp) {
        RevisionDiff d = new RevisionDiff(docMdp);
        for (int i = 1; i < steps.size(); i++) {
            try {
                d.compare(steps.get(i - 1), steps.get(i));
            } catch (RuntimeException e) {
                d.fail(steps.get(i), EvidenceMessages.of("diff.unanalysable", steps.get(i).revision().index(),
                        e.getMessage()));
            }
        }
        return d.changes;
    }

    private void fail(Step step, Message message) {
        changes.add(new Change(step.revision().index(), message));
    }

    private void disallowed(Step step, Message what) {
        fail(step, EvidenceMessages.of("diff.changes", step.revision().index(), label(step), what));
    }

    private void added(Step step, Message what) {
        fail(step, EvidenceMessages.of("diff.adds", step.revision().index(), label(step), what));
    }

    private static Message label(Step s) {
        return switch (s.kind()) {
            case CERTIFICATION -> EvidenceMessages.of("diff.label.certification");
            case SIGNER -> EvidenceMessages.of("diff.label.signer", s.field());
            case SEAL -> EvidenceMessages.of("diff.label.seal");
            case DOC_TIMESTAMP -> EvidenceMessages.of("diff.label.documentTimestamp");
            case VALIDATION_DATA -> EvidenceMessages.of("diff.label.unsignedUpdate");
            default -> EvidenceMessages.of("diff.label.signature", s.field());
        };
    }

    /** Where things are in one revision: object numbers by role. */
    private static final class Index {
        final PdfDocument doc;
        final Revisions.Revision rev;
        int catalog;
        int info;
        int acroForm;
        int fieldsArray;
        int dss;
        final Map<Integer, Integer> pages = new HashMap<>();
        final Map<Integer, Integer> annotArrays = new HashMap<>();
        final Map<Integer, String> emptySigFields = new HashMap<>();

        Index(Revisions.Revision rev) {
            this.rev = rev;
            this.doc = rev.doc();
            catalog = number(doc.getTrailer().get(PdfName.Root, false));
            info = number(doc.getTrailer().get(PdfName.Info, false));
            PdfDictionary cat = doc.getCatalog().getPdfObject();
            acroForm = number(cat.get(PdfName.AcroForm, false));
            dss = number(cat.get(PdfName.DSS, false));
            PdfDictionary form = cat.getAsDictionary(PdfName.AcroForm);
            if (form != null) {
                fieldsArray = number(form.get(PdfName.Fields, false));
                PdfArray fields = form.getAsArray(PdfName.Fields);
                for (int i = 0; fields != null && i < fields.size(); i++) {
                    PdfDictionary f = fields.getAsDictionary(i);
                    if (f != null && PdfName.Sig.equals(f.getAsName(PdfName.FT)) && f.get(PdfName.V) == null) {
                        PdfString t = f.getAsString(PdfName.T);
                        emptySigFields.put(number(fields.get(i, false)), t == null ? "" : t.toUnicodeString());
                    }
                }
            }
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PdfDictionary page = doc.getPage(p).getPdfObject();
                pages.put(number(page), p);
                int a = number(page.get(PdfName.Annots, false));
                if (a > 0) {
                    annotArrays.put(a, p);
                }
            }
        }
    }

    private static int number(PdfObject o) {
        if (o == null) {
            return 0;
        }
        PdfIndirectReference r = o.isIndirectReference() ? (PdfIndirectReference) o : o.getIndirectReference();
        return r == null ? 0 : r.getObjNumber();
    }

    private void compare(Step before, Step after) {
        Revisions.Revision a = before.revision();
        Revisions.Revision b = after.revision();
        Index old = indexes.computeIfAbsent(a.index(), i -> new Index(a));
        Index now = indexes.computeIfAbsent(b.index(), i -> new Index(b));
        if (old.catalog != now.catalog) {
            disallowed(after, EvidenceMessages.of("diff.rootReplaced"));
            return;
        }
        if (old.info != now.info) {
            disallowed(after, EvidenceMessages.of("diff.info"));
        }
        List<Integer> oldPages = pageOrder(old);
        if (!oldPages.equals(pageOrder(now))) {
            disallowed(after, EvidenceMessages.of("diff.pageTree"));
        }
        Set<Integer> newRefs = new LinkedHashSet<>();
        int size = Math.max(a.size(), b.size());
        for (int n = 1; n < size; n++) {
            PdfIndirectReference ra = n < a.size() ? a.entry(n) : null;
            PdfIndirectReference rb = n < b.size() ? b.entry(n) : null;
            boolean usedBefore = ra != null && !ra.isFree();
            boolean usedNow = rb != null && !rb.isFree();
            if (!usedBefore && !usedNow) {
                continue;
            }
            if (usedBefore && !usedNow) {
                disallowed(after, EvidenceMessages.of("diff.objectDeleted", n, Describe.of(old.doc, n)));
                continue;
            }
            if (!usedBefore) {
                continue; // new object: judged through whatever refers to it
            }
            if (sameEntry(ra, rb)) {
                continue;
            }
            PdfObject x = a.doc().getPdfObject(n);
            PdfObject y = b.doc().getPdfObject(n);
            if (Same.objects(x, y)) {
                continue; // rewritten with identical content
            }
            checkModified(after, old, now, n, x, y, newRefs);
        }
        for (int n : newRefs) {
            checkNew(after, old, now, n);
        }
        if (after.kind() == Kind.SIGNER || after.kind() == Kind.SEAL || after.kind() == Kind.CERTIFICATION
                || after.kind() == Kind.DOC_TIMESTAMP) {
            // The signature field this revision signs must be new here or an empty field of revision 0.
            if (!fieldAdded && !old.emptySigFields.containsValue(after.field())) {
                disallowed(after, EvidenceMessages.of("diff.oldSignatureField", after.field()));
            }
        }
        fieldAdded = false;
    }

    private boolean fieldAdded;

    private static List<Integer> pageOrder(Index i) {
        Integer[] order = new Integer[i.pages.size()];
        for (Map.Entry<Integer, Integer> e : i.pages.entrySet()) {
            if (e.getValue() - 1 < order.length) {
                order[e.getValue() - 1] = e.getKey();
            }
        }
        return Arrays.asList(order);
    }

    private static boolean sameEntry(PdfIndirectReference a, PdfIndirectReference b) {
        return a.getGenNumber() == b.getGenNumber() && a.getObjStreamNumber() == b.getObjStreamNumber()
                && a.getOffset() == b.getOffset() && a.getIndex() == b.getIndex();
    }

    private void checkModified(Step step, Index old, Index now, int n, PdfObject x, PdfObject y, Set<Integer> newRefs) {
        Kind k = step.kind();
        if (n == old.catalog) {
            Set<String> allowed = switch (k) {
                case CERTIFICATION -> Set.of("/AcroForm", "/Perms", "/Extensions");
                case SIGNER, SEAL, DOC_TIMESTAMP -> Set.of("/AcroForm", "/Extensions");
                case VALIDATION_DATA -> Set.of("/DSS", "/Extensions");
                default -> Set.of();
            };
            dictionaryChange(step, EvidenceMessages.of("diff.documentCatalog"), x, y, allowed, old, newRefs);
            return;
        }
        if (n == old.acroForm) {
            dictionaryChange(step, EvidenceMessages.of("diff.acroForm"), x, y,
                    Set.of("/Fields", "/SigFlags"), old, newRefs);
            return;
        }
        if (n == old.fieldsArray && n != 0) {
            appendOnly(step, EvidenceMessages.of("diff.fieldList"), x, y, old, newRefs);
            return;
        }
        Integer page = old.pages.get(n);
        if (page != null) {
            // /Annots may grow; what is added is judged by kind (an unsigned update may add nothing).
            dictionaryChange(step, EvidenceMessages.of("diff.pageDictionary", page), x, y,
                    Set.of("/Annots"), old, newRefs);
            return;
        }
        Integer annotsOf = old.annotArrays.get(n);
        if (annotsOf != null) {
            appendOnly(step, EvidenceMessages.of("diff.annotationList", annotsOf), x,
                    y, old, newRefs);
            return;
        }
        String empty = old.emptySigFields.get(n);
        if (empty != null && (k == Kind.SIGNER || k == Kind.SEAL || k == Kind.DOC_TIMESTAMP || k == Kind.CERTIFICATION)
                && (empty.equals(step.field()) || (k == Kind.SIGNER && step.slotIds().contains(empty)))) {
            Set<String> keys = empty.equals(step.field()) ? Set.of("/AP", "/F", "/V", "/P", "/MK", "/DA", "/Lock")
                    : Set.of("/AP", "/F");
            dictionaryChange(step, EvidenceMessages.of("diff.emptySignatureField", empty), x, y, keys, old, newRefs);
            if (empty.equals(step.field())) {
                fieldAdded = true;
            }
            return;
        }
        if (n == old.dss && k == Kind.VALIDATION_DATA) {
            return; // the /DSS dictionary itself may grow with validation data
        }
        disallowed(step, EvidenceMessages.of("diff.object", n, Describe.of(old.doc, n)));
    }

    /** Keys added, removed or changed between two versions of a dictionary; only {@code allowed} may differ. */
    private void dictionaryChange(Step step, Message what, PdfObject x, PdfObject y,
            Set<String> allowed, Index old, Set<Integer> newRefs) {
        if (!(x instanceof PdfDictionary a) || !(y instanceof PdfDictionary b) || x instanceof PdfStream
                || y instanceof PdfStream) {
            disallowed(step, what);
            return;
        }
        Set<PdfName> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (PdfName key : keys) {
            PdfObject va = a.get(key, false);
            PdfObject vb = b.get(key, false);
            if (Same.objects(va, vb)) {
                continue;
            }
            String k = key.toString();
            if (!allowed.contains(k)) {
                disallowed(step, EvidenceMessages.of("diff.keyOf", what, k));
                continue;
            }
            if (k.equals("/Annots")) {
                appendOnly(step, EvidenceMessages.of("diff.annots", what), va, vb, old, newRefs);
            } else if (k.equals("/Fields")) {
                appendOnly(step, EvidenceMessages.of("diff.fields", what), va, vb, old, newRefs);
            } else if (k.equals("/AcroForm") && va != null && vb != null && !va.isIndirectReference()
                    && !vb.isIndirectReference()) {
                dictionaryChange(step, EvidenceMessages.of("diff.acroForm"), va, vb,
                        Set.of("/Fields", "/SigFlags"), old, newRefs);
            } else if (k.equals("/AcroForm") || k.equals("/Perms") || k.equals("/DSS")) {
                if (va != null && !k.equals("/DSS")) {
                    disallowed(step, EvidenceMessages.of("diff.replaced", what, k));
                }
                collect(vb, old, newRefs);
            } else if (k.equals("/SigFlags")) {
                if (!(vb instanceof PdfNumber num) || (num.intValue() & ~3) != 0) {
                    disallowed(step, EvidenceMessages.of("diff.sigflags", what));
                }
            } else if (k.equals("/Extensions")) {
                PdfDictionary ext = b.getAsDictionary(key);
                if (ext == null || !ext.keySet().stream()
                        .allMatch(e -> e.equals(new PdfName("ADBE")) || e.equals(new PdfName("ESIC")))) {
                    disallowed(step, EvidenceMessages.of("diff.extensions", what));
                }
            } else if (k.equals("/AP") || k.equals("/V") || k.equals("/Lock")) {
                collect(vb, old, newRefs);
            }
        }
    }

    /** An array that may only grow at its end, by references to objects new in this revision. */
    private void appendOnly(Step step, Message what, PdfObject x, PdfObject y, Index old,
            Set<Integer> newRefs) {
        PdfArray a = x == null ? new PdfArray() : x instanceof PdfArray arr ? arr : null;
        PdfArray b = y instanceof PdfArray arr ? arr : null;
        if (x != null && x.isIndirectReference()) {
            a = (PdfArray) ((PdfIndirectReference) x).getRefersTo();
        }
        if (y != null && y.isIndirectReference()) {
            PdfObject r = ((PdfIndirectReference) y).getRefersTo();
            b = r instanceof PdfArray arr ? arr : null;
            if (x != null && x.isIndirectReference() && number(x) == number(y)) {
                return; // same array object: its own redefinition is judged on its own
            }
            if (x == null || !x.isIndirectReference()) {
                newRefs.add(number(y));
            }
        }
        if (a == null || b == null || b.size() < a.size()) {
            disallowed(step, EvidenceMessages.of("diff.entriesRemoved", what));
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Same.objects(a.get(i, false), b.get(i, false))) {
                disallowed(step, EvidenceMessages.of("diff.entriesReordered", what));
                return;
            }
        }
        for (int i = a.size(); i < b.size(); i++) {
            int n = number(b.get(i, false));
            if (n == 0) {
                disallowed(step, EvidenceMessages.of("diff.directObject", what));
            } else {
                newRefs.add(n);
            }
        }
    }

    private static void collect(PdfObject v, Index old, Set<Integer> newRefs) {
        int n = number(v);
        if (n > 0) {
            newRefs.add(n);
        } else if (v instanceof PdfDictionary d) {
            for (PdfName k : d.keySet()) {
                collect(d.get(k, false), old, newRefs);
            }
        } else if (v instanceof PdfArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                collect(arr.get(i, false), old, newRefs);
            }
        }
    }

    /** An object newly referenced by an allowed change: an annotation, a field or validation data of this revision. */
    private void checkNew(Step step, Index old, Index now, int n) {
        PdfObject o = now.doc.getPdfObject(n);
        if (old.rev.inUse(n)) {
            // Referencing an object that already existed (e.g. re-adding a removed annotation) is not an addition.
            if (o instanceof PdfDictionary d && d.get(PdfName.Rect) != null) {
                disallowed(step, EvidenceMessages.of("diff.objectAddedAgain", n, Describe.of(old.doc, n)));
            }
            return;
        }
        if (!(o instanceof PdfDictionary d) || o instanceof PdfStream) {
            return;
        }
        PdfArray fields = d.getAsArray(PdfName.Fields);
        if (fields != null) {
            // A new /AcroForm (certification): its fields are judged one by one.
            for (int i = 0; i < fields.size(); i++) {
                int f = number(fields.get(i, false));
                if (f > 0 && !old.rev.inUse(f) && fields.getAsDictionary(i) != null) {
                    newField(step, fields.getAsDictionary(i), f);
                }
            }
            return;
        }
        PdfName subtype = d.getAsName(PdfName.Subtype);
        PdfName ft = d.getAsName(PdfName.FT);
        if (PdfName.Sig.equals(ft) || PdfName.Widget.equals(subtype)) {
            newField(step, d, n);
            return;
        }
        if (subtype == null) {
            return; // /DSS contents, /Perms: plain data
        }
        String nm = d.getAsString(PdfName.NM) == null ? "" : d.getAsString(PdfName.NM).toUnicodeString();
        if (d.get(PdfName.A) != null || d.get(PdfName.AA) != null) {
            disallowed(step, EvidenceMessages.of("diff.annotationActions", n, nm));
        }
        Kind k = step.kind();
        if (PdfName.FileAttachment.equals(subtype)) {
            boolean ok = (k == Kind.SIGNER && nm.startsWith("s" + step.signerNumber() + "-")) || (k == Kind.SEAL
                    && (nm.equals(SealManifest.FILE_NAME) || nm.equals(SealManifest.RECORDING_FILE_NAME)));
            PdfDictionary fs = d.getAsDictionary(PdfName.FS);
            String name = fs == null ? null : Verifier.fileName(fs);
            if (!ok || name == null || !name.equals(nm) || docMdp == 1 || docMdp == 2) {
                added(step, name == null ? EvidenceMessages.of("diff.attachmentWithoutFile", n)
                        : EvidenceMessages.of("diff.attachment", n, name));
            }
            return;
        }
        if (PdfName.Stamp.equals(subtype) && k == Kind.SIGNER && nm.startsWith("s" + step.signerNumber() + "-")
                && step.slotIds().contains(nm.substring(nm.indexOf('-') + 1)) && docMdp == 3) {
            return;
        }
        added(step, nm.isEmpty() ? EvidenceMessages.of("diff.annotation", subtype, n)
                : EvidenceMessages.of("diff.namedAnnotation", subtype, n, nm));
    }

    private void newField(Step step, PdfDictionary d, int n) {
        PdfString t = d.getAsString(PdfName.T);
        PdfDictionary parent = d.getAsDictionary(PdfName.Parent);
        if (t == null && parent != null) {
            t = parent.getAsString(PdfName.T);
        }
        String name = t == null ? "" : t.toUnicodeString();
        boolean sig = PdfName.Sig.equals(d.getAsName(PdfName.FT)) || parent != null
                && PdfName.Sig.equals(parent.getAsName(PdfName.FT));
        if (!sig || step.field() == null || !step.field().equals(name) || step.kind() == Kind.VALIDATION_DATA) {
            added(step, name.isEmpty() ? EvidenceMessages.of("diff.unnamedField", n)
                    : EvidenceMessages.of("diff.field", n, name));
            return;
        }
        if (d.get(PdfName.A) != null || d.get(PdfName.AA) != null) {
            disallowed(step, EvidenceMessages.of("diff.signatureFieldActions", name));
        }
        fieldAdded = true;
    }

    /** Deep comparison without following references (references compare by object number). */
    static final class Same {
        private Same() {
        }

        static boolean objects(PdfObject a, PdfObject b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (a.isIndirectReference() || b.isIndirectReference()) {
                return a.isIndirectReference() && b.isIndirectReference()
                        && ((PdfIndirectReference) a).getObjNumber() == ((PdfIndirectReference) b).getObjNumber()
                        && ((PdfIndirectReference) a).getGenNumber() == ((PdfIndirectReference) b).getGenNumber();
            }
            if (a.getType() != b.getType()) {
                return false;
            }
            if (a instanceof PdfStream sa) {
                PdfStream sb = (PdfStream) b;
                return dictionaries(sa, sb) && Arrays.equals(sa.getBytes(false), sb.getBytes(false));
            }
            if (a instanceof PdfDictionary da) {
                return dictionaries(da, (PdfDictionary) b);
            }
            if (a instanceof PdfArray aa) {
                PdfArray ab = (PdfArray) b;
                if (aa.size() != ab.size()) {
                    return false;
                }
                for (int i = 0; i < aa.size(); i++) {
                    if (!objects(aa.get(i, false), ab.get(i, false))) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof PdfString sa) {
                return Arrays.equals(sa.getValueBytes(), ((PdfString) b).getValueBytes());
            }
            if (a instanceof PdfNumber na) {
                return na.getValue() == ((PdfNumber) b).getValue();
            }
            return a.equals(b) || a.toString().equals(b.toString());
        }

        private static boolean dictionaries(PdfDictionary a, PdfDictionary b) {
            if (!a.keySet().equals(b.keySet())) {
                Set<PdfName> ka = new HashSet<>(a.keySet());
                Set<PdfName> kb = new HashSet<>(b.keySet());
                if (!ka.equals(kb)) {
                    return false;
                }
            }
            for (PdfName k : a.keySet()) {
                if (!objects(a.get(k, false), b.get(k, false))) {
                    return false;
                }
            }
            return true;
        }
    }
}
