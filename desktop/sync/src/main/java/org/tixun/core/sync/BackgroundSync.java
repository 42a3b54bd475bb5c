// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.services.CoreServices;
import org.tixun.core.store.Settings;

/**
 * The application's own delivery: while a workstation or the archive is open, sealed records go to the case system
 * configured in Settings ({@code casesystem.url}: an http(s) address, or a {@code file:} folder for folder-drop) on a
 * background worker, with the same outbox, back-off and checks as {@code tixun sync run}. Nothing configured: no
 * worker, and the archive says why records wait. Closing stops the worker; an upload cut off is resumed next time.
 */
public final class BackgroundSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);
    private final Connector connector;
    private final SyncWorker worker;

    private BackgroundSync(Connector connector, SyncWorker worker) {
        this.connector = connector;
        this.worker = worker;
    }

    /** Starts delivering when a case system is configured; empty when none is (or its address is not usable). */
    public static Optional<BackgroundSync> start(CoreServices core) {
        Optional<String> url = core.settings().get(Settings.CASE_SYSTEM_URL).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (url.isEmpty()) {
            LOG.info("Sync: no case system configured; sealed records wait in the outbox");
            return Optional.empty();
        }
        Connector connector;
        try {
            URI uri = URI.create(url.get());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    && !"file".equalsIgnoreCase(uri.getScheme())) {
                LOG.warn("Sync: the case system address {} is neither http(s) nor file:; nothing is sent", url.get());
                return Optional.empty();
            }
            connector = forUrl(uri, null);
        } catch (RuntimeException e) {
            LOG.warn("Sync: the case system address {} is not usable ({}); nothing is sent", url.get(),
                    e.getMessage());
            return Optional.empty();
        }
        SyncWorker worker = new SyncWorker(SyncService.of(core), connector, 2, Backoff.DEFAULT, Clock.systemUTC());
        worker.start();
        LOG.info("Sync: delivering sealed records to {} in the background", connector.destination());
        return Optional.of(new BackgroundSync(connector, worker));
    }

    /**
     * The connector for a case-system address: a {@code file:} URL is folder-drop to that directory, anything else the
     * REST contract ({@code config} adds token, TLS or receipt checks to its default configuration; null: none).
     */
    public static Connector forUrl(URI url, java.util.function.UnaryOperator<RestConnector.Config> config) {
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return new FolderDropConnector(Path.of(url), Clock.systemUTC());
        }
        RestConnector.Config c = RestConnector.Config.of(url);
        return new RestConnector(config == null ? c : config.apply(c));
    }

    /** Wakes the worker (a record was just sealed, or a clerk asked to retry). */
    public void wake() {
        worker.wake();
    }

    /** Where records go. */
    public String destination() {
        return connector.destination();
    }

    @Override
    public void close() {
        worker.close();
        try {
            connector.close();
        } catch (Exception e) {
            LOG.warn("Sync: the connection to {} did not close cleanly: {}", connector.destination(), e.toString());
        }
    }
}
