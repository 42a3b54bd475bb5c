// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.templates.DocumentData;

/**
 * The typed record kept on disk while the session is live: every edit is saved in the background (newest wins,
 * written atomically) so a crash or a closed window loses nothing; a failed save is kept in memory, said through
 * {@code problems} and tried again with the next edit. A part of the workstation flow with its own thread, separate
 * from the flow's worker (which blocks while a signer signs).
 */
final class DraftKeeper implements WorkstationSteps.Drafts {
    private static final Logger LOG = LoggerFactory.getLogger(DraftKeeper.class);
    /** The typed record while live, in the session's folder. */
    static final String DRAFT_FILE = "live-draft.json";
    private final Path workDir;
    private final Path file;
    private final Consumer<Message> problems;
    private final AtomicReference<DocumentData> unsaved = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tixun-flow-draft");
        t.setDaemon(true);
        return t;
    });

    /** Keeps the drafts of the session folder {@code workDir}; a failed save is said through {@code problems}. */
    DraftKeeper(Path workDir, Consumer<Message> problems) {
        this.workDir = workDir;
        this.file = workDir.resolve(DRAFT_FILE);
        this.problems = problems;
    }

    /** Keeps {@code data} (saved in the background). */
    @Override
    public void keep(DocumentData data) {
        if (unsaved.getAndSet(data) == null) {
            thread.execute(this::save);
        }
    }

    private void save() {
        DocumentData data = unsaved.getAndSet(null);
        if (data == null) {
            return;
        }
        try {
            InstitutionKeyStore.writeAtomically(file, data.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Kept in memory: the next edit tries again; the problem is shown, typing goes on.
            unsaved.compareAndSet(null, data);
            LOG.error("the typed record could not be saved to {}", file, e);
            problems.accept(FlowMessages.of("flow.draft.notSaved", e));
        }
    }

    /** Saves the newest typed record now (e.g. before the window closes); false if that failed. */
    @Override
    public boolean flush() {
        if (thread.isShutdown()) {
            save();
            return unsaved.get() == null;
        }
        try {
            thread.submit(this::save).get(10, TimeUnit.SECONDS);
            return unsaved.get() == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("the typed record could not be saved", e);
            return false;
        }
    }

    /**
     * The record as last typed: the frozen data once frozen ({@link FrozenRecord#RECORD_DATA}), else the saved
     * draft (after a restart the session screen shows it again), else empty.
     */
    @Override
    public Optional<DocumentData> typed() throws IOException {
        for (String name : new String[] {FrozenRecord.RECORD_DATA, DRAFT_FILE}) {
            Path f = workDir.resolve(name);
            if (Files.exists(f)) {
                try (var in = Files.newInputStream(f)) {
                    return Optional.of(DocumentData.fromJson(in));
                }
            }
        }
        return Optional.empty();
    }

    /** Stops the thread once what is queued is written. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
