// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway.cli;

import org.tixun.core.TixunException;
import picocli.CommandLine;

/**
 * The gateway as its own deployable: {@code java -jar tixun-gateway.jar --listen HOST:PORT --store DIR ...} with the
 * jars of {@code lib/} beside it (this module's build writes both). Workstations never carry it or its PostgreSQL
 * driver.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new GatewayCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TixunException te) {
                commandLine.getErr().println("tixun-gateway: " + te.getMessage());
                return te.exit().code();
            }
            commandLine.getErr().println("tixun-gateway: " + e);
            org.slf4j.LoggerFactory.getLogger(GatewayMain.class).error("gateway failed", e);
            return TixunException.Exit.FAILED.code();
        });
        System.exit(cl.execute(args));
    }
}
