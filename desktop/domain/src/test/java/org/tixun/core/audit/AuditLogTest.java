// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.cli.AuditCommand;
import org.tixun.core.store.StoreException;
import picocli.CommandLine;

class AuditLogTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fiveEntries() {
        try (CoreServices core = TestCore.open(dir)) {
            for (int i = 1; i <= 5; i++) {
                core.audit().append("tester", AuditAction.RECORD_CREATED, "record-" + i, "n=" + i);
            }
        }
    }

    private AuditVerification verify() {
        try (CoreServices core = TestCore.open(dir)) {
            return core.audit().verify();
        }
    }

    /** Edits the SQLite file directly, as an attacker with file access would: triggers dropped first. */
    private void behindTheAppsBack(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tixun.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_entry_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete");
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void intactChainVerifies() {
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
    }

    @Test
    void appOwnConnectionCannotUpdateOrDelete() {
        try (CoreServices core = TestCore.open(dir)) {
            assertThatThrownBy(() -> core.database().withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE audit_entry SET details = 'x' WHERE seq = 2");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> core.database().withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM audit_entry WHERE seq = 5");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void detectsAlteredEntry() throws Exception {
        behindTheAppsBack("UPDATE audit_entry SET details = 'n=999' WHERE seq = 3");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void detectsDeletedMiddleEntry() throws Exception {
        behindTheAppsBack("DELETE FROM audit_entry WHERE seq = 2");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void detectsDeletedEntryWithRenumberedTail() throws Exception {
        behindTheAppsBack("DELETE FROM audit_entry WHERE seq = 2",
                "UPDATE audit_entry SET seq = seq - 1 WHERE seq > 2");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    @Test
    void detectsTruncatedTailThroughAnchor() throws Exception {
        behindTheAppsBack("DELETE FROM audit_entry WHERE seq >= 4");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("deleted from the end");
    }

    @Test
    void detectsInsertedForgedEntry() throws Exception {
        try (CoreServices core = TestCore.open(dir)) {
            AuditEntry third = core.audit().entries().get(2);
            // A forger who knows the hash recipe inserts a well-formed entry after #3; #4 no longer follows.
            String at = third.at();
            String forgedHash = AuditLog.hash(4, at, "forger", "LOGIN", "x", "", third.hash());
            behindTheAppsBack("UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 4",
                    "UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1000",
                    "INSERT INTO audit_entry VALUES (4, '" + at + "', 'forger', 'LOGIN', 'x', '', '"
                            + third.hash() + "', '" + forgedHash + "')");
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(5);
    }

    @Test
    void detectsReorderedEntries() throws Exception {
        behindTheAppsBack("UPDATE audit_entry SET seq = 100 WHERE seq = 2", "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
                "UPDATE audit_entry SET seq = 3 WHERE seq = 100");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    @Test
    void cliVerifyCatchesEditBehindTheAppsBack() throws Exception {
        assertThat(runCli()).isZero();
        behindTheAppsBack("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 2");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new AuditCommand());
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute("verify", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry #2").contains("altered");
    }

    private int runCli() {
        CommandLine cl = new CommandLine(new AuditCommand());
        cl.setOut(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return cl.execute("verify", "--data-dir", dir.toString());
    }
}
