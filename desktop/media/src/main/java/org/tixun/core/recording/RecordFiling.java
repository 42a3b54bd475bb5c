// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.core.records.RecordService;
import org.tixun.core.services.CoreServices;

/**
 * Files a freshly sealed record: its document copied into the record's own archive folder, its recording filed as
 * the seal states it ({@link SealedRecordings}, segments hash-checked into that folder), then the record marked
 * SEALED and queued for the case system in one transaction. Every sealing path (the remote session, the demo, the
 * archive's import) files through here.
 */
public final class RecordFiling {
    private static final Logger LOG = LoggerFactory.getLogger(RecordFiling.class);
    private final RecordService records;
    private final SealedRecordings recordings;
    private final Path archiveDir;

    public RecordFiling(RecordService records, SealedRecordings recordings, Path archiveDir) {
        this.records = records;
        this.recordings = recordings;
        this.archiveDir = archiveDir;
    }

    /** The filing of a data dir's store into its {@code archive/} folder. */
    public static RecordFiling of(CoreServices core) {
        return new RecordFiling(core.records(), SealedRecordings.of(core), core.dataDir().root().resolve("archive"));
    }

    /**
     * Files record {@code recordId}'s sealed document {@code sealedPdf} (SHA-256 {@code sha256}) with the recording
     * in {@code recordingDir} (null: none). A copy or a segment that cannot be taken now is logged and filed where it
     * is; the recording is checked again before it is exported or sent.
     */
    public void fileSealed(String actor, String recordId, Path sealedPdf, String sha256, Path recordingDir) {
        // the record's own copy of its document: a later session or demo run writing its sealed.pdf cannot change it
        Path document = sealedPdf;
        try {
            byte[] pdf = Files.readAllBytes(sealedPdf);
            if (Pki.sha256Hex(pdf).equals(sha256)) {
                document = archiveDir.resolve(recordId).resolve("record.pdf");
                InstitutionKeyStore.writeAtomically(document, pdf);
            } else {
                LOG.error("Record {}: {} no longer has the sealed SHA-256 {}; filed where it is", recordId, sealedPdf,
                        sha256);
            }
        } catch (IOException e) {
            LOG.error("Record {}: the sealed document could not be copied into the archive; filed at {}", recordId,
                    sealedPdf, e);
        }
        try {
            SealedRecordings.Recording r = recordings.file(actor, recordId, document,
                    recordingDir == null ? List.of() : List.of(recordingDir), SealedRecordings.Source.SEALED);
            if (!r.problems().isEmpty()) {
                LOG.warn("Record {}: {} sealed segment(s) not filed: {}", recordId, r.problems().size(),
                        r.problems().get(0).describeProblem());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Record {}: the sealed recording could not be filed now (it is tried again before sync)",
                    recordId, e);
        }
        records.markSealed(actor, recordId, document.toString(), sha256);
    }
}
