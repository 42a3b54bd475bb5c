// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks recording segment files against the recording manifest sealed into a record (implemented by
 * {@code org.tixun.core.recording.RecordingVerifier}: hashes, chain, full decode). Without one, {@link Verifier} only
 * compares each listed file's SHA-256.
 */
public interface RecordingCheck {
    /** Findings for the files in {@code recordingDir} against {@code manifestJson}. */
    List<Finding> check(byte[] manifestJson, Path recordingDir);

    /**
     * The implementation registered in {@code META-INF/services} (the recorder's), found at run time so that the
     * evidence packages do not depend on the recording package; null when there is none.
     */
    static RecordingCheck discover() {
        return java.util.ServiceLoader.load(RecordingCheck.class, RecordingCheck.class.getClassLoader()).findFirst()
                .orElse(null);
    }
}
