// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The application's logging, set up in code (found by logback through {@code META-INF/services}): errors to stderr,
 * {@code org.tixun} at INFO, everything else at WARN; once the data dir has opened,
 * {@link org.tixun.core.config.FileLogging} adds {@code <data dir>/logs/tixun.log}, which then also gets what was
 * logged before it opened ({@link org.tixun.core.config.EarlyLogBuffer}). No personal data or key material
 * is logged.
 *
 * <p>In code rather than a {@code logback.xml} because reading the XML (logback's Joran and the JDK's XML parser)
 * costs about 0.2 s of every start, before the first window. A site that wants its own configuration names it with
 * {@code -Dlogback.configurationFile=FILE}; a {@code logback-test.xml} on the class path (tests) is used as well.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** The stderr line: time, level, logger, message. */
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    /** {@code deferToXml}: a configuration file was named or a test's is present; logback reads it instead. */
    ExecutionStatus configure(LoggerContext context, boolean deferToXml) {
        if (deferToXml) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();
        ThresholdFilter errors = new ThresholdFilter();
        errors.setLevel(Level.ERROR.levelStr);
        errors.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("ERR");
        err.setTarget("System.err");
        err.addFilter(errors);
        err.setEncoder(encoder);
        err.start();
        context.getLogger("org.tixun").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(err);
        // what is logged before the data dir's log file opens reaches that file once it does (FileLogging)
        org.tixun.core.config.EarlyLogBuffer early = new org.tixun.core.config.EarlyLogBuffer();
        early.setContext(context);
        early.start();
        root.addAppender(early);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
