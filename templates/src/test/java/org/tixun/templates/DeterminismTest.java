// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void sameDataRendersToTheSameBytes() throws Exception {
        DocumentTemplate template = Pdfs.builtIn().require("INTERROGATION_RECORD");
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        RenderResult first = renderer.render(template, data, Lang.ZH);
        Thread.sleep(1100); // a clock-derived date or ID would now differ
        RenderResult second = renderer.render(template, data, Lang.ZH);
        assertThat(second.pdf()).isEqualTo(first.pdf());
        assertThat(second.sha256()).isEqualTo(first.sha256()).isEqualTo(DocumentRenderer.sha256Hex(first.pdf()));
        assertThat(second.slots()).isEqualTo(first.slots());
    }

    @Test
    void changedDataChangesBytesAndDocumentId() throws Exception {
        DocumentTemplate template = Pdfs.builtIn().require("INTERROGATION_RECORD");
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        RenderResult original = renderer.render(template, data, Lang.ZH);
        RenderResult edited = renderer.render(template, data.with("place", "北京市海淀区看守所第二提讯室"), Lang.ZH);
        assertThat(edited.sha256()).isNotEqualTo(original.sha256());
        try (PDDocument a = Loader.loadPDF(original.pdf()); PDDocument b = Loader.loadPDF(edited.pdf())) {
            assertThat(a.getDocument().getDocumentID()).isNotEqualTo(b.getDocument().getDocumentID());
        }
    }

    @Test
    void outputIntentProfileDoesNotDependOnTheJdkBuild() throws Exception {
        RenderResult result = Pdfs.example("SERVICE_RECEIPT", Lang.ZH);
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            byte[] profile = doc.getDocumentCatalog().getOutputIntents().get(0).getDestOutputIntent().createInputStream().readAllBytes();
            assertThat(Arrays.copyOfRange(profile, 36, 40)).isEqualTo("acsp".getBytes(StandardCharsets.US_ASCII));
            assertThat(Arrays.copyOfRange(profile, 40, 44)).containsOnly(0);
        }
    }

    @Test
    void documentDatesComeFromTheDataNotTheClock() throws Exception {
        RenderResult result = Pdfs.example("INTERROGATION_RECORD", Lang.ZH);
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            Calendar created = doc.getDocumentInformation().getCreationDate();
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            utc.setTimeInMillis(created.getTimeInMillis());
            // endTime 2026-03-05T11:12 China Standard Time = 03:12 UTC
            assertThat(utc.get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(utc.get(Calendar.MONTH)).isEqualTo(Calendar.MARCH);
            assertThat(utc.get(Calendar.DAY_OF_MONTH)).isEqualTo(5);
            assertThat(utc.get(Calendar.HOUR_OF_DAY)).isEqualTo(3);
            assertThat(utc.get(Calendar.MINUTE)).isEqualTo(12);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("2026-03-05T11:12:00+08:00").contains("<pdfaid:part>3</pdfaid:part>");
        }
    }
}
