// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.demo.HeadlessDemo;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.recording.RecordingManifest;
import org.tixun.core.recording.RecordingVerifier;

/** The recording manifest sealed into the record (PDF/A-3 associated file of the seal revision) and verified. */
class SealedRecordingManifestTest {
    @TempDir
    static Path dir;
    static HeadlessDemo.Outcome demo;
    static InstitutionKeyStore keys;
    static byte[] sealed;

    @BeforeAll
    static void seal() throws Exception {
        keys = InstitutionKeyStore.create(dir.resolve("keys.p12"), "pass".toCharArray(), "录像测试检察院");
        demo = HeadlessDemo.run(dir.resolve("demo"), keys);
        sealed = Files.readAllBytes(demo.sealed());
    }

    private VerificationReport verify(Path recordings) throws Exception {
        // The check `tixun verify --recording` finds through META-INF/services.
        RecordingCheck check = RecordingCheck.discover();
        assertThat(check).isInstanceOf(RecordingVerifier.class);
        return new Verifier(List.of(keys.rootCertificate())).verify("sealed.pdf", sealed,
                new Verifier.Options(null, recordings).withRecordingCheck(check));
    }

    @Test
    void aDemoRecordSaysSoInItsSealAndEveryVerification() throws Exception {
        VerificationReport report = verify(demo.recordingDir());
        assertThat(report.document()).filteredOn(f -> f.check().equals("demo")).singleElement()
                .satisfies(f -> {
                    assertThat(f.zh()).startsWith("演示记录，非正式证据");
                    assertThat(f.en()).startsWith("A DEMO RECORD, NOT EVIDENCE");
                });
        assertThat(report.toText()).contains("演示记录，非正式证据");
    }

    @Test
    void manifestIsSealedAndTheSegmentsVerify() throws Exception {
        VerificationReport report = verify(demo.recordingDir());
        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.document()).anyMatch(f -> f.check().equals("recording-manifest") && f.ok()
                && f.en().contains(demo.recording().chainHead()));
        assertThat(report.document().stream().filter(f -> f.check().equals("recording-segment")))
                .hasSize(demo.recording().segments().size()).allMatch(Finding::ok);
        try (var doc = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(
                new java.io.ByteArrayInputStream(sealed)))) {
            byte[] embedded = Verifier.embeddedFiles(doc).get(SealManifest.RECORDING_FILE_NAME);
            assertThat(RecordingManifest.parse(embedded)).isEqualTo(demo.recording());
        }
        // Every signature event references a real segment of the recording (rule 12).
        assertThat(report.revisions()).allSatisfy(r -> assertThat(r.findings()).noneMatch(f -> !f.ok()));
    }

    @Test
    void sealedFileStaysPdfA3AndPdfsigValid() throws Exception {
        assertThat(PdfaCheck.failures(sealed)).isEmpty();
        String out = Pdfsig.verify(Pdfsig.nssDatabase(dir, keys.rootCertificate()), demo.sealed());
        assertThat(out).doesNotContain("Signature is Invalid").contains("Signature is Valid");
    }

    @Test
    void alteredSegmentFailsTheRecordVerification(@TempDir Path tmp) throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("rec"));
        try (var files = Files.list(demo.recordingDir())) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        Path seg = copy.resolve(demo.recording().segments().get(0).name());
        byte[] b = Files.readAllBytes(seg);
        b[b.length - 100] ^= 0x10;
        Files.write(seg, b);
        VerificationReport report = verify(copy);
        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).anyMatch(f -> f.check().equals("recording-segment")
                && f.zh().contains("已被改动"));
        // Without the full check the verifier still compares the hashes listed in the sealed manifest.
        VerificationReport plain = new Verifier(List.of(keys.rootCertificate())).verify("sealed.pdf", sealed,
                new Verifier.Options(null, copy));
        assertThat(plain.failures()).anyMatch(f -> f.check().equals("recording-segment"));
    }
}
