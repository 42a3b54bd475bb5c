// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.services;

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

/**
 * The domain's composition root: opens the store in a data dir and wires the domain services (audit, settings,
 * users, cases, records) by constructor. Feature modules build their services on top of it
 * ({@code SyncService.of(core)}, {@code ArchiveService.of(core)}); each application composes what it needs.
 */
public final class CoreServices implements AutoCloseable {
    private final DataDir dataDir;
    private final Database database;
    private final AuditLog audit;
    private final Settings settings;
    private final UserService users;
    private final CaseService cases;
    private final RecordService records;
    private final CaseValidator validator;
    private final Clock clock;

    private CoreServices(DataDir dataDir, Database database, Clock clock, PasswordHasher hasher) {
        this.dataDir = dataDir;
        this.database = database;
        this.audit = new AuditLog(database, dataDir.auditAnchor(), clock);
        this.settings = new Settings(database);
        this.users = new UserService(database, audit, hasher, clock);
        this.validator = new CaseValidator(() -> LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        this.cases = new CaseService(database, audit, validator, clock);
        this.records = new RecordService(database, audit, validator, clock);
        this.clock = clock;
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
        // What the feature modules on the class path do once the store is open (e.g. file the recordings of records
        // sealed before they were filed with their seal); a task's failure never keeps the store from opening.
        for (StartupTask task : java.util.ServiceLoader.load(StartupTask.class)) {
            try {
                task.run(core);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CoreServices.class).warn("Start-up task {} failed: {}",
                        task.getClass().getSimpleName(), e.getMessage());
            }
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

    /** The clock every service of this composition uses. */
    public Clock clock() {
        return clock;
    }

    public CaseValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        database.close();
    }
}
