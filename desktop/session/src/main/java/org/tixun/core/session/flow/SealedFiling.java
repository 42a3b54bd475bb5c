// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.nio.file.Path;

/**
 * Files a sealed record with the recording its seal names: the archive's {@code ArchiveService::fileSealed}, handed
 * in by each application's composition root (the session module does not depend on the archive).
 */
@FunctionalInterface
public interface SealedFiling {

    /** Files {@code sealedPdf} (SHA-256 {@code sha256}) as record {@code recordId}'s document, with its recording. */
    void file(String actor, String recordId, Path sealedPdf, String sha256, Path recordingDir);
}
