// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.nio.file.Path;
import java.util.List;

/** Everything a connector sends for one record: the sealed document, its recordings and the manifest. */
public record Delivery(String recordId, Path document, String documentSha256, long documentSize, String manifestJson,
                       List<Recording> recordings) {
    public Delivery {
        recordings = List.copyOf(recordings);
    }

    /**
     * One sealed recording segment, content-addressed by its SHA-256.
     *
     * @param index the segment's index in the sealed recording manifest
     * @param name its file name there
     * @param path where its bytes are
     */
    public record Recording(String sha256, long size, Path path, int index, String name) {
        /** A segment known only by its bytes (tests, folder listings). */
        public Recording(String sha256, long size, Path path) {
            this(sha256, size, path, 0, path.getFileName().toString());
        }
    }
}
