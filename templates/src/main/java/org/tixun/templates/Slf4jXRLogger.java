// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes openhtmltopdf's logging to SLF4J (INFO and below become DEBUG), so a render does not print
 * progress lines on stderr and the application's logging configuration decides what is shown.
 */
final class Slf4jXRLogger implements XRLogger {

    private static volatile boolean installed;

    private Slf4jXRLogger() {}

    /** Installs the adapter once for the whole process. */
    static void install() {
        if (!installed) {
            synchronized (Slf4jXRLogger.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new Slf4jXRLogger());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else {
            logger.debug(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are configured in the SLF4J backend.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        }
        if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return logger.isDebugEnabled();
    }
}
