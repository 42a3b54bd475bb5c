// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import org.tixun.core.pki.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on its own threads: takes due records, hands them to the connector and stores
 * the receipt, a back-off or the refusal. One worker per data dir.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    /**
     * At most this many records are claimed per commit by one thread (fewer when fewer are due than threads × this, so
     * that large records are sent in parallel); an interrupted claim is simply due again at the next start.
     */
    private static final int BATCH = 4;

    private final SyncService service;
    private final Connector connector;
    private final int threads;
    private final Backoff backoff;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Thread> running = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    /** What one pass delivered. */
    public record Summary(int delivered, int retryLater, int refused) {
    }

    public SyncWorker(SyncService service, Connector connector, int threads, Backoff backoff, Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.service = service;
        this.connector = connector;
        this.threads = threads;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts the background threads; they deliver until {@link #close()}. */
    public synchronized void start() {
        if (!running.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        int reset = service.resetInterrupted();
        if (reset > 0) {
            LOG.info("Sync: {} interrupted deliveries are due again", reset);
        }
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> loop(null, null), "tixun-sync-" + i);
            t.setDaemon(true);
            running.add(t);
            t.start();
        }
    }

    /** Delivers everything due now on {@code threads} threads and returns; retries it schedules are left waiting. */
    public Summary runOnce() throws InterruptedException {
        service.resetInterrupted();
        java.time.Instant dueBy = clock.instant();
        int[][] counts = new int[threads][3];
        List<Thread> pass = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int[] mine = counts[i];
            Thread t = new Thread(() -> loop(mine, dueBy), "tixun-sync-once-" + i);
            pass.add(t);
            t.start();
        }
        for (Thread t : pass) {
            t.join();
        }
        int d = 0;
        int r = 0;
        int f = 0;
        for (int[] c : counts) {
            d += c[0];
            r += c[1];
            f += c[2];
        }
        return new Summary(d, r, f);
    }

    /** Wakes sleeping threads, e.g. after a new record was queued or a manual retry. */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Background mode: waits until nothing is PENDING or IN_PROGRESS (FAILED and DONE are final). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var counts = service.counts();
            if (counts.get(OutboxState.PENDING) == 0 && counts.get(OutboxState.IN_PROGRESS) == 0 && busy.get() == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void loop(int[] once, java.time.Instant dueBy) {
        while (!stopping) {
            List<String> ids;
            try {
                java.time.Instant by = dueBy == null ? clock.instant() : dueBy;
                // a fair share: a few small records per commit, but never one thread holding what others could send
                int share = (int) Math.max(1, Math.min(BATCH, service.dueCount(by) / threads));
                ids = service.claimDue(share, by);
            } catch (RuntimeException e) {
                LOG.warn("Sync: cannot read the outbox: {}", e.getMessage());
                if (once != null) {
                    return;
                }
                sleep(IDLE_POLL);
                continue;
            }
            if (ids.isEmpty()) {
                if (once != null) {
                    return;
                }
                Duration wait = service.nextDue().map(t -> Duration.between(clock.instant(), t)).orElse(IDLE_POLL);
                sleep(wait.compareTo(IDLE_POLL) > 0 ? IDLE_POLL : wait);
                continue;
            }
            busy.incrementAndGet();
            try {
                for (String id : ids) {
                    int outcome = deliver(id);
                    if (once != null) {
                        once[outcome]++;
                    }
                }
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    /** One attempt; returns 0 delivered, 1 retry later, 2 refused. */
    private int deliver(String recordId) {
        Delivery delivery = null;
        try {
            delivery = service.prepare(recordId);
            Receipt receipt = connector.deliver(delivery);
            if (!recordId.equals(receipt.recordId())
                    || !delivery.documentSha256().equalsIgnoreCase(receipt.documentSha256())) {
                throw DeliveryException.refused("the receipt does not match the record: it names record "
                        + receipt.recordId() + " with document SHA-256 " + receipt.documentSha256()
                        + ", expected " + delivery.documentSha256(), null);
            }
            try {
                service.succeeded(recordId, delivery.manifestJson(), receipt, connector.destination());
            } catch (RuntimeException storeFault) {
                // delivered and receipted: if the outcome was not stored, the next start repeats the
                // idempotent delivery and gets the same receipt back, so nothing is undone here
                LOG.error("Sync: record {} delivered (receipt {}) but the outcome was not fully stored", recordId,
                        receipt.receiptId(), storeFault);
            }
            LOG.info("Sync: record {} delivered, receipt {}", recordId, receipt.receiptId());
            return 0;
        } catch (DeliveryException e) {
            return failed(recordId, delivery, e);
        } catch (RuntimeException e) {
            // a local fault (store busy, disk full): keep the record and try again later
            LOG.warn("Sync: record {} attempt failed locally", recordId, e);
            return failed(recordId, delivery, DeliveryException.transientFailure("local error: " + e, null, null, e));
        }
    }

    private int failed(String recordId, Delivery delivery, DeliveryException e) {
        String manifest = delivery == null ? null : delivery.manifestJson();
        try {
            if (e.retryable()) {
                int attempts = service.item(recordId).map(SyncItem::attempts).orElse(0) + 1;
                Duration delay = stopping ? Duration.ZERO : backoff.delay(attempts, e.retryAfter());
                service.retryLater(recordId, manifest, e, delay, connector.destination());
                LOG.info("Sync: record {} attempt {} failed ({}), next in {} ms", recordId, attempts, e.getMessage(),
                        delay.toMillis());
                return 1;
            }
            service.refused(recordId, manifest, e, connector.destination());
            LOG.warn("Sync: record {} refused: {}", recordId, e.getMessage());
            return 2;
        } catch (RuntimeException storeDown) {
            // the outcome could not be stored: the item stays IN_PROGRESS and is due again at the next start
            LOG.error("Sync: cannot store the outcome for record {}", recordId, storeDown);
            return 1;
        }
    }

    private void sleep(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        lock.lock();
        try {
            changed.await(d.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking work, lets running deliveries finish for a few seconds, then interrupts them. */
    @Override
    public synchronized void close() {
        stopping = true;
        wake();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : running) {
            try {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                t.join(Math.max(1, left));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
    }
}
