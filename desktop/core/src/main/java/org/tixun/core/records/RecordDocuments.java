// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.records;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.tixun.core.store.Database;

/** Where a record's documents are: the sealed PDF of its current revision and its hash. */
public final class RecordDocuments {
    private final Database db;

    public RecordDocuments(Database db) {
        this.db = db;
    }

    /** A stored document: file and SHA-256 as recorded when it was sealed. */
    public record StoredDocument(Path path, String sha256, String sealedAt) {
    }

    public Optional<StoredDocument> sealed(String recordId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.document_path, v.content_sha256, v.sealed_at "
                    + "FROM record_revision v JOIN record r ON r.id = v.record_id AND v.revision = r.current_revision "
                    + "WHERE v.record_id = ? AND v.document_path IS NOT NULL")) {
                ps.setString(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredDocument(Path.of(rs.getString(1)), rs.getString(2),
                            rs.getString(3))) : Optional.<StoredDocument>empty();
                }
            }
        });
    }
}
