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
