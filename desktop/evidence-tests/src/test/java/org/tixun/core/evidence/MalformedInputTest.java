// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verifier never crashes: truncated and garbled variants of a sealed record give either a report that fails with
 * sentences, or (for input that is no PDF at all) an IOException with one line; nothing else escapes.
 */
class MalformedInputTest {
    private final EvidenceFixtures f = EvidenceFixtures.get();
    private final Verifier verifier = new Verifier(List.of(f.keys.rootCertificate()));

    /** Either a failed report whose every failure is a sentence, or one readable line; any other exception fails. */
    private String outcome(byte[] pdf) {
        try {
            VerificationReport r = verifier.verify("fuzz.pdf", pdf);
            assertThat(r.exitCode()).as("a damaged record must not verify").isEqualTo(VerificationReport.EXIT_FAILED);
            assertThat(r.failures()).isNotEmpty().allSatisfy(x -> {
                assertThat(x.zh()).isNotBlank().doesNotContain("\n");
                assertThat(x.en()).isNotBlank().doesNotContain("\n").doesNotContain("Exception:");
            });
            r.toText();
            r.toJson();
            return "report";
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return "unreadable";
        }
    }

    @Test
    void noPdfAtAllIsUnreadableInOneLine() {
        assertThat(outcome("not a pdf at all\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("unreadable");
        assertThat(outcome(new byte[0])).isEqualTo("unreadable");
        assertThat(outcome("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("unreadable");
    }

    @Test
    void truncatedRecordsNeverCrashTheVerifier() {
        byte[] sealed = f.sealed.sealedPdf();
        Random random = new Random(15);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int cut = 16 + random.nextInt(sealed.length - 32);
            outcomes.add(outcome(Arrays.copyOf(sealed, cut)));
        }
        // Cutting at revision ends leaves earlier, consistent revisions: those must fail as unsealed, not crash.
        try (Revisions revs = Revisions.read(sealed)) {
            for (Revisions.Revision r : revs.list().subList(0, revs.list().size() - 1)) {
                outcomes.add(outcome(Arrays.copyOf(sealed, (int) r.end())));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(outcomes).contains("report");
    }

    @Test
    void garbledRecordsNeverCrashTheVerifier() {
        byte[] sealed = f.sealed.sealedPdf();
        Random random = new Random(1515);
        for (int i = 0; i < 30; i++) {
            byte[] pdf = sealed.clone();
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) {
                pdf[random.nextInt(pdf.length)] = (byte) random.nextInt(256);
            }
            if (!Arrays.equals(pdf, sealed)) {
                outcome(pdf);
            }
        }
        // Structural garbling: the cross-reference offsets and the last startxref.
        byte[] pdf = sealed.clone();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        pdf[at + 11] = '9';
        outcome(pdf);
        byte[] noEof = Arrays.copyOf(sealed, sealed.length - 7);
        outcome(noEof);
    }
}
