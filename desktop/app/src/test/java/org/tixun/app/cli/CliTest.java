// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.config.DataDir;
import org.tixun.core.pki.InstitutionKeyStore;
import picocli.CommandLine;

/** The command line end to end: help, version, users, audit, keys and the bad-input exit codes. */
class CliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = TixunCommand.commandLine();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(StandardCharsets.UTF_8)));
            int code = cl.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(original);
        }
    }

    private static List<String> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.walk(d)) {
            return s.map(p -> d.relativize(p) + ":" + (Files.isRegularFile(p) ? sizeOf(p) : "dir")).sorted().toList();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helpListsEveryCommand() {
        Result r = run(null, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "workstation", "terminal", "archive", "audit", "users", "keys",
                "Exit codes");
    }

    @Test
    void versionPrints() {
        Result r = run(null, "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("tixun ");
    }

    @Test
    void usersAddListAndAuditVerify() {
        String d = dir.toString();
        assertThat(run("demo-password", "users", "add", "--data-dir", d, "--username", "zhangwei", "--name", "张伟",
                "--role", "prosecutor", "--password-stdin").code()).isZero();
        Result list = run(null, "users", "list", "--data-dir", d);
        assertThat(list.out()).contains("zhangwei", "PROSECUTOR", "张伟");
        Result verify = run(null, "audit", "verify", "--data-dir", d);
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).contains("1 entries verified");
        Result dup = run("demo-password", "users", "add", "--data-dir", d, "--username", "zhangwei", "--name", "x",
                "--role", "clerk", "--password-stdin");
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains("already exists");
    }

    @Test
    void corruptDatabaseExitsFourAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("tixun.db"), "garbage garbage garbage garbage");
        List<String> before = listing(dir);
        Result r = run(null, "audit", "verify", "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("not an SQLite database").contains("nothing was changed");
        assertThat(listing(dir)).isEqualTo(before);
    }

    @Test
    void newerSchemaExitsFourAndChangesNothing() throws Exception {
        try (CoreServices core = CoreServices.open(DataDir.at(dir))) {
            core.database().withConnection(c -> {
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA user_version = 42");
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        byte[] db = Files.readAllBytes(dir.resolve("tixun.db"));
        Result r = run(null, "users", "list", "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("schema version 42", "newer Tixun");
        assertThat(Files.readAllBytes(dir.resolve("tixun.db"))).isEqualTo(db);
    }

    @Test
    void unwritableDataDirExitsThree() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        Result r = run(null, "audit", "verify", "--data-dir", file.resolve("data").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Cannot create the data directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void wrongKeystorePassphraseExitsFiveAndChangesNothing() throws Exception {
        try (CoreServices core = CoreServices.open(DataDir.at(dir))) {
            InstitutionKeyStore.create(core.dataDir().keystore(), "right passphrase".toCharArray(), "测试检察院");
        }
        byte[] keystore = Files.readAllBytes(dir.resolve("institution.p12"));
        Result wrong = run("wrong passphrase", "keys", "info", "--data-dir", dir.toString(), "--passphrase-stdin");
        assertThat(wrong.code()).isEqualTo(5);
        assertThat(wrong.err()).contains("wrong passphrase");
        assertThat(Files.readAllBytes(dir.resolve("institution.p12"))).isEqualTo(keystore);
        Result right = run("right passphrase", "keys", "info", "--data-dir", dir.toString(), "--passphrase-stdin");
        assertThat(right.code()).isZero();
        assertThat(right.out()).contains("root CA", "seal", "escrow", "TLS", "TSA", "测试检察院");
    }

    @Test
    void headlessDemoSealsVerifiesAndFilesASampleRecord() throws Exception {
        Path out = dir.resolve("out");
        Result r = run(null, "demo", "--headless", "--out", out.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Verification: all checks hold.");
        assertThat(out.resolve("sealed.pdf")).isRegularFile();
        Result verify = run(null, "verify", out.resolve("sealed.pdf").toString(), "--trust-anchor",
                out.resolve("institution-root.pem").toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        try (CoreServices core = CoreServices.open(DataDir.at(dir.resolve("data")))) {
            assertThat(core.records().search(new org.tixun.core.records.RecordQuery(null, null,
                    org.tixun.core.records.RecordStatus.SEALED, null, null, 0, 10))).hasSize(1);
            assertThat(core.audit().verify().intact()).isTrue();
        }
    }

    /**
     * Issue 16 from the command line: two demo records (one session id, the same output folder recorded into again)
     * each keep the document and the recording they sealed; export lists the segments.
     */
    @Test
    void twoHeadlessDemosEachKeepTheirOwnRecording() throws Exception {
        Path out = dir.resolve("out2");
        String data = dir.resolve("data2").toString();
        for (int i = 0; i < 2; i++) {
            Result r = run(null, "demo", "--headless", "--out", out.toString(), "--data-dir", data);
            assertThat(r.code()).as(r.err()).isZero();
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (CoreServices core = CoreServices.open(DataDir.at(Path.of(data)))) {
            for (var rec : core.records().search(new org.tixun.core.records.RecordQuery(null, null,
                    org.tixun.core.records.RecordStatus.SEALED, null, null, 0, 10))) {
                ids.add(rec.id());
                var sealed = org.tixun.core.recording.SealedRecordings.of(core).find(rec.id()).orElseThrow();
                assertThat(sealed.manifest().sessionId()).isEqualTo("DEMO-SESSION");
                assertThat(sealed.problems()).isEmpty();
            }
            assertThat(ids).hasSize(2);
            assertThat(org.tixun.core.recording.SealedRecordings.of(core).find(ids.get(0)).orElseThrow().chainHead())
                    .isNotEqualTo(org.tixun.core.recording.SealedRecordings.of(core).find(ids.get(1)).orElseThrow().chainHead());
        }
        for (String id : ids) {
            Result verify = run(null, "recording", "verify", id, "--data-dir", data);
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            Result export = run(null, "archive", "export", id, dir.resolve("exports").toString(), "--data-dir", data);
            assertThat(export.code()).as(export.out() + export.err()).isZero();
            String manifest = Files.readString(dir.resolve("exports").resolve(id).resolve("manifest.json"));
            try (var segs = Files.list(dir.resolve("exports").resolve(id).resolve("recordings"))) {
                for (Path seg : segs.filter(p -> p.getFileName().toString().startsWith("segment-")).toList()) {
                    assertThat(manifest).contains(org.tixun.core.sync.SyncService.sha256(seg));
                }
            }
        }
        Result all = run(null, "archive", "verify-all", "--data-dir", data);
        assertThat(all.code()).as(all.out() + all.err()).isZero();
        assertThat(all.out()).contains("2 sealed records verified: 2 ok, 0 failed.");
    }

    @Test
    void dataDirBeforeTheSubcommandApplies() {
        try {
            assertThat(run("pw-123456789", "--data-dir", dir.toString(), "users", "add", "--username", "wangfang",
                    "--name", "王芳", "--role", "recorder", "--password-stdin").code()).isZero();
            assertThat(run(null, "users", "list", "--data-dir", dir.toString()).out()).contains("wangfang");
        } finally {
            System.clearProperty(DataDir.PROPERTY);
        }
    }
}
