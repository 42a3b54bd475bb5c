// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds the rolling log file in the data dir's {@code logs/} once that dir has proved usable, so a
 * refused data dir (corrupt database, unwritable) is left exactly as it was.
 */
public final class FileLogging {
    private static final String APPENDER = "TIXUN_FILE";

    private FileLogging() {
    }

    /** Idempotent; does nothing when logback is not the SLF4J binding (embedding applications). */
    public static void attach(Path logsDir) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            attach(context, logsDir);
        }
    }

    /**
     * Adds the file to {@code context}'s root logger; where the app's configuration put an {@link EarlyLogBuffer}
     * there, the file gets what it held and everything after through it instead.
     */
    static synchronized void attach(LoggerContext context, Path logsDir) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        EarlyLogBuffer early = root.getAppender(EarlyLogBuffer.NAME) instanceof EarlyLogBuffer b ? b : null;
        if (root.getAppender(APPENDER) != null || early != null && early.handedOver()) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER);
        file.setFile(logsDir.resolve("tixun.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logsDir.resolve("tixun.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(90);
        policy.setTotalSizeCap(FileSize.valueOf("1GB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();
        if (early != null) {
            early.handOver(file);
        } else {
            root.addAppender(file);
        }
    }
}
