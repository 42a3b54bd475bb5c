// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.templates.DocumentData;

/**
 * The typed record kept on disk while the session is live: every edit is saved in the background (newest wins,
 * written atomically) so a crash or a closed window loses nothing; a failed save is kept in memory, said through
 * {@code problems} and tried again with the next edit. A part of the workstation flow with its own thread, separate
 * from the flow's worker (which blocks while a signer signs).
 */
final class DraftKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DraftKeeper.class);
    private final Path file;
    private final Consumer<String> problems;
    private final AtomicReference<DocumentData> unsaved = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tixun-flow-draft");
        t.setDaemon(true);
        return t;
    });

    DraftKeeper(Path file, Consumer<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Keeps {@code data} (saved in the background). */
    void keep(DocumentData data) {
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
            problems.accept("笔录草稿无法保存 (the typed record could not be saved): " + e.getMessage());
        }
    }

    /** Saves the newest typed record now (e.g. before the window closes); false if that failed. */
    boolean flush() {
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

    /** Stops the thread once what is queued is written. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
