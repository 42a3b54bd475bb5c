// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import org.slf4j.LoggerFactory;

/** Without a logging configuration PDFBox and iText log every glyph at DEBUG; the CLI keeps them at WARN. */
public final class QuietLogs {
    private QuietLogs() {
    }

    public static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx
                && ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel() == ch.qos.logback.classic.Level.DEBUG) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            // A damaged file makes iText log its repairs with stack traces; the verifier reports them as findings.
            ctx.getLogger("com.itextpdf").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }
}
