// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayDeque;

/**
 * Keeps what is logged before the data dir's log file exists (the first second of a start: the launcher's splash, the
 * fonts, the store opening) and hands it to that file when {@link FileLogging} opens it; from then on it passes every
 * event straight on. Without it those lines would never reach {@code tixun.log}. Holds at most {@value #MAX} events
 * (the oldest go first), for a run that never opens a data dir.
 */
public final class EarlyLogBuffer extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** The appender's name on the root logger, where {@link FileLogging} looks for it. */
    public static final String NAME = "TIXUN_EARLY";
    static final int MAX = 2000;

    private final ArrayDeque<ILoggingEvent> held = new ArrayDeque<>();
    private Appender<ILoggingEvent> target;

    public EarlyLogBuffer() {
        setName(NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Appender<ILoggingEvent> to;
        synchronized (this) {
            to = target;
            if (to == null) {
                event.prepareForDeferredProcessing(); // message, thread name and MDC as they are now
                if (held.size() == MAX) {
                    held.removeFirst();
                }
                held.addLast(event);
                return;
            }
        }
        to.doAppend(event);
    }

    /**
     * Writes what was held to {@code file}, in order, and passes everything after it on: an event logged meanwhile is
     * either held and written here or passed on, never both. False if it had already been handed over.
     */
    synchronized boolean handOver(Appender<ILoggingEvent> file) {
        if (target != null) {
            return false;
        }
        for (ILoggingEvent e : held) {
            file.doAppend(e);
        }
        held.clear();
        target = file;
        return true;
    }

    synchronized boolean handedOver() {
        return target != null;
    }
}
