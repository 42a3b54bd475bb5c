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

    /** One recording segment file, content-addressed by its SHA-256. */
    public record Recording(String sha256, long size, Path path) {
    }
}
