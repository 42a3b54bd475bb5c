// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.tixun.core.audit.AuditLog;
import org.tixun.core.cases.CaseService;
import org.tixun.core.cases.CaseValidator;
import org.tixun.core.config.DataDir;
import org.tixun.core.config.FileLogging;
import org.tixun.core.records.RecordService;
import org.tixun.core.store.Database;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;
import org.tixun.core.users.UserService;

/** The core composition root: opens the store in a data dir and wires the services by constructor. */
public final class CoreServices implements AutoCloseable {
    private final DataDir dataDir;
    private final Database database;
    private final AuditLog audit;
    private final Settings settings;
    private final UserService users;
    private final CaseService cases;
    private final RecordService records;
    private final CaseValidator validator;
    private final org.tixun.core.recording.SealedRecordings recordings;
    private final org.tixun.core.sync.SyncService sync;
    private final org.tixun.core.archive.ArchiveService archive;

    private CoreServices(DataDir dataDir, Database database, Clock clock, PasswordHasher hasher) {
        this.dataDir = dataDir;
        this.database = database;
        this.audit = new AuditLog(database, dataDir.auditAnchor(), clock);
        this.settings = new Settings(database);
        this.users = new UserService(database, audit, hasher, clock);
        this.validator = new CaseValidator(() -> LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        this.cases = new CaseService(database, audit, validator, clock);
        this.records = new RecordService(database, audit, validator, clock);
        this.recordings = new org.tixun.core.recording.SealedRecordings(database, audit,
                dataDir.root().resolve("archive"), clock);
        this.sync = new org.tixun.core.sync.SyncService(database, records, recordings, audit, clock);
        this.archive = new org.tixun.core.archive.ArchiveService(database, records, recordings, audit, sync,
                dataDir.root().resolve("archive"), clock);
    }

    /** Opens the data dir for work: checks it is writable, opens and migrates the database. */
    public static CoreServices open(DataDir dataDir) {
        return open(dataDir, Clock.systemUTC(), PasswordHasher.DEFAULT);
    }

    public static CoreServices open(DataDir dataDir, Clock clock, PasswordHasher hasher) {
        dataDir.ensureWritable();
        Database database = Database.open(dataDir.database());
        FileLogging.attach(dataDir.logs());
        CoreServices core = new CoreServices(dataDir, database, clock, hasher);
        // records sealed before schema version 5: file their recordings from the sealed PDFs (once per record)
        try {
            core.sync.flagIncompleteRegistrations(core.recordings.backfill());
        } catch (RuntimeException e) {
            // never keeps the store from opening: each record is filed again before it is exported or sent
            org.slf4j.LoggerFactory.getLogger(CoreServices.class).warn("Sealed recordings not filed yet: {}",
                    e.getMessage());
        }
        return core;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return audit;
    }

    public Settings settings() {
        return settings;
    }

    public UserService users() {
        return users;
    }

    public CaseService cases() {
        return cases;
    }

    public RecordService records() {
        return records;
    }

    /** Every sealed record's recording as its seal states it: the one source archive, export and sync read. */
    public org.tixun.core.recording.SealedRecordings recordings() {
        return recordings;
    }

    public org.tixun.core.sync.SyncService sync() {
        return sync;
    }

    public org.tixun.core.archive.ArchiveService archive() {
        return archive;
    }

    public CaseValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        database.close();
    }
}
