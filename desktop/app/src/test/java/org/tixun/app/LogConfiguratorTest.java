// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging set up in code: what logback.xml said (errors to stderr, org.tixun at INFO, the rest at WARN). */
class LogConfiguratorTest {
    @Test
    void logbackFindsTheConfigurator() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(LogConfigurator.class.getName());
    }

    @Test
    void errorsGoToStderrAndTheLevelsAreSet() {
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as logback's own start does
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            LogConfigurator c = new LogConfigurator();
            c.setContext(context);
            assertThat(c.configure(context, false)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            Logger tixun = context.getLogger("org.tixun.app.Something");
            tixun.info("an info line");
            tixun.warn("a warning");
            tixun.error("an error line");
            context.getLogger("org.flywaydb.core.Flyway").info("a library's info");
            assertThat(context.getLogger("org.tixun").getLevel()).isEqualTo(Level.INFO);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger("org.tixun").isInfoEnabled()).isTrue();
            assertThat(context.getLogger("org.flywaydb").isInfoEnabled()).isFalse();
        } finally {
            System.setErr(was);
            context.stop();
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ERROR", "an error line").doesNotContain("a warning", "an info line");
    }

    @Test
    void aNamedConfigurationFileIsLeftToLogback() {
        LoggerContext context = new LoggerContext();
        LogConfigurator c = new LogConfigurator();
        c.setContext(context);
        assertThat(c.configure(context, true)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
