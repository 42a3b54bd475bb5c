// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.EventTimes;
import org.tixun.core.evidence.model.RecordingSpan;
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
        assertThat(report.revisions()).extracting(RevisionReport::kind).containsExactly("certification", "signer",
                "signer", "signer", "signer", "signer", "seal", "document-timestamp");
        assertThat(report.revisions().get(1).role()).isEqualTo("犯罪嫌疑人");
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

    @Test
    void eventTimestampsAreCheckedAgainstTheDecryptedStrokes() throws Exception {
        EvidenceFixtures f = EvidenceFixtures.get();
        List<SignatureEvent> stamped = new java.util.ArrayList<>();
        for (SignatureEvent e : f.request.events()) {
            stamped.add(EventStamps.stamp(e, f.tsaClient));
        }
        // Give the recorder's event a token over somebody else's strokes.
        SignatureEvent last = stamped.get(stamped.size() - 1);
        SignatureEvent alien = EventStamps.stamp(stamped.get(0), f.tsaClient);
        stamped.set(stamped.size() - 1, new SignatureEvent(last.eventId(), last.signer(), last.slotId(), last.samples(),
                null, last.photoAtPenDownJpeg(), last.photoAtCompletionJpeg(), null, new EventTimes(
                last.times().hostStart(), last.times().hostEnd(), 0, 0, 0, 0, alien.times().rfc3161Token()),
                last.device(), last.frozenContentSha256(), last.recording()));
        SealRequest request = new SealRequest(f.request.recordId(), f.request.kind(), f.frozen, f.request.slots(),
                stamped, f.request.participants(), f.request.refusals());
        byte[] sealed = new Sealer(f.keys, f.tsaClient).seal(request).sealedPdf();
        VerificationReport withEscrow = new Verifier(List.of(f.keys.rootCertificate())).verify("ev.pdf", sealed,
                new Verifier.Options(f.keys.escrowCredential(), null));
        assertThat(withEscrow.failures()).extracting(Finding::zh)
                .containsExactly("记录人孙七的签名事件时间戳无效：" + last.eventId());
        assertThat(withEscrow.revisions().get(1).findings()).extracting(Finding::zh)
                .contains("犯罪嫌疑人张三的 41 个签名事件时间戳有效且与笔迹一致");
        VerificationReport withoutEscrow = new Verifier(List.of(f.keys.rootCertificate())).verify("ev.pdf", sealed);
        assertThat(withoutEscrow.failures()).isEmpty();
    }
}
