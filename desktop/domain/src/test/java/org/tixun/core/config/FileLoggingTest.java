// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data dir's log file, and what was logged before it opened. */
class FileLoggingTest {
    private static LoggerContext context(boolean early) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        if (early) {
            EarlyLogBuffer buffer = new EarlyLogBuffer();
            buffer.setContext(context);
            buffer.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(buffer);
        }
        return context;
    }

    private static List<String> lines(Path logs) throws Exception {
        return Files.readAllLines(logs.resolve("tixun.log"), StandardCharsets.UTF_8);
    }

    @Test
    void whatWasLoggedBeforeTheFileOpenedIsInItInOrderAndOnce(@TempDir Path logs) throws Exception {
        LoggerContext context = context(true);
        Logger log = context.getLogger("org.tixun.test");
        log.warn("before 1");
        log.warn("before 2");
        FileLogging.attach(context, logs);
        FileLogging.attach(context, logs); // idempotent
        log.warn("after");
        context.stop();
        List<String> lines = lines(logs);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith("- before 1");
        assertThat(lines.get(1)).endsWith("- before 2");
        assertThat(lines.get(2)).endsWith("- after");
    }

    @Test
    void linesLoggedWhileTheFileOpensAreNeitherLostNorDoubled(@TempDir Path logs) throws Exception {
        LoggerContext context = context(true);
        Logger log = context.getLogger("org.tixun.test");
        CountDownLatch started = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < 500; i++) {
                    log.warn("w{} {}", id, i);
                }
            });
            writers.add(w);
            w.start();
        }
        started.await();
        FileLogging.attach(context, logs);
        for (Thread w : writers) {
            w.join();
        }
        context.stop();
        assertThat(lines(logs)).hasSize(1500).doesNotHaveDuplicates();
    }

    @Test
    void withoutTheBufferTheFileStartsWhenItOpens(@TempDir Path logs) throws Exception {
        LoggerContext context = context(false);
        Logger log = context.getLogger("org.tixun.test");
        log.warn("before");
        FileLogging.attach(context, logs);
        log.warn("after");
        context.stop();
        assertThat(lines(logs)).hasSize(1).allMatch(l -> l.endsWith("- after"));
    }

    @Test
    void theBufferKeepsOnlyTheNewestWhenNoFileEverOpens(@TempDir Path logs) throws Exception {
        LoggerContext context = context(true);
        Logger log = context.getLogger("org.tixun.test");
        for (int i = 0; i < EarlyLogBuffer.MAX + 10; i++) {
            log.warn("line {}", i);
        }
        FileLogging.attach(context, logs);
        context.stop();
        List<String> lines = lines(logs);
        assertThat(lines).hasSize(EarlyLogBuffer.MAX);
        assertThat(lines.get(0)).endsWith("- line 10");
    }
}
