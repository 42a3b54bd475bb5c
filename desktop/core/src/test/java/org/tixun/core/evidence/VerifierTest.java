// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tixun.core.pki.InstitutionKeyStore;

class VerifierTest {
    @Test
    void sealedSampleRecordPassesEveryCheck() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        VerificationReport report = new Verifier(List.of(f.keys.rootCertificate())).verify("sealed.pdf",
                f.sealed.sealedPdf(), new Verifier.Options(f.keys.escrowCredential(), null));
        System.out.println(report.toText());
        assertThat(report.failures()).isEmpty();
        assertThat(report.exitCode()).isZero();
        assertThat(report.revisions()).extracting(RevisionReport::kind).containsExactly("signer", "signer", "signer",
                "signer", "signer", "seal", "document-timestamp");
        assertThat(report.revisions().get(0).role()).isEqualTo("犯罪嫌疑人");
    }

    @Test
    void recordFromAnotherInstitutionIsNotTrusted() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        InstitutionKeyStore other = InstitutionKeyStore.create(f.dir.resolve("other.p12"), "x".toCharArray(), "别的院");
        VerificationReport report = new Verifier(List.of(other.rootCertificate())).verify("sealed.pdf",
                f.sealed.sealedPdf());
        assertThat(report.exitCode()).isEqualTo(VerificationReport.EXIT_FAILED);
        assertThat(report.failures()).extracting(Finding::check).contains("chain", "timestamp");
    }

    @Test
    void recordingsAreCheckedAgainstTheirHashes() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        java.nio.file.Path recordings = java.nio.file.Files.createDirectories(f.dir.resolve("recordings"));
        byte[] segment = "segment-0007 audio-video bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.write(recordings.resolve("segment-0007.mp4"), segment);
        String hash = org.tixun.core.pki.Pki.sha256Hex(segment);
        List<SignatureEvent> events = f.request.events().stream().map(e -> new SignatureEvent(e.eventId(), e.signer(),
                e.slotId(), e.samples(), e.inkImagePng(), e.photoAtPenDownJpeg(), e.photoAtCompletionJpeg(),
                e.fingerprintPng(), e.times(), e.device(), e.frozenContentSha256(), new RecordingSpan(
                e.recording().segment(), hash, e.recording().start(), e.recording().end()))).toList();
        SealRequest request = new SealRequest(f.request.recordId(), f.request.kind(), f.frozen, f.request.slots(),
                events, f.request.participants(), f.request.refusals());
        byte[] sealed = new Sealer(f.keys, f.tsaClient).seal(request).sealedPdf();
        Verifier verifier = new Verifier(List.of(f.keys.rootCertificate()));
        assertThat(verifier.verify("rec.pdf", sealed, new Verifier.Options(null, recordings)).failures()).isEmpty();

        java.nio.file.Files.write(recordings.resolve("segment-0007.mp4"), "edited".getBytes());
        assertThat(verifier.verify("rec.pdf", sealed, new Verifier.Options(null, recordings)).failures())
                .extracting(Finding::zh).contains("犯罪嫌疑人张三引用的录像片段 segment-0007.mp4 与摘要不符");
        java.nio.file.Files.delete(recordings.resolve("segment-0007.mp4"));
        assertThat(verifier.verify("rec.pdf", sealed, new Verifier.Options(null, recordings)).failures())
                .extracting(Finding::zh).contains("犯罪嫌疑人张三引用的录像片段 segment-0007.mp4 不存在");
    }
}
