// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/** The signer photos a sealed record carries as plain associated files (JPEG), for the clerk to see. */
public final class EvidencePhotos {
    private EvidencePhotos() {
    }

    /** One photo: its attachment name (signer revision, event, moment) and the JPEG bytes. */
    public record Photo(String name, byte[] jpeg) {
    }

    public static List<Photo> extract(byte[] pdf) throws IOException {
        List<Photo> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // This version's layout: each file on a file attachment annotation of the signer's revision.
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment fa
                            && fa.getFile() instanceof PDComplexFileSpecification spec) {
                        String name = spec.getFileUnicode() != null ? spec.getFileUnicode() : spec.getFile();
                        PDEmbeddedFile file = spec.getEmbeddedFile();
                        if (name != null && file != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")) {
                            out.add(new Photo(name, file.toByteArray()));
                        }
                    }
                }
            }
            // Records sealed by earlier versions: the document's /EmbeddedFiles name tree.
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return out;
            }
            collect(names.getEmbeddedFiles(), out);
        }
        return out;
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, List<Photo> out) throws IOException {
        Map<String, PDComplexFileSpecification> entries = node.getNames();
        if (entries != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : entries.entrySet()) {
                PDEmbeddedFile file = e.getValue().getEmbeddedFile();
                if (file != null && e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")) {
                    out.add(new Photo(e.getKey(), file.toByteArray()));
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, out);
            }
        }
    }
}
