// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Certificates;

/**
 * A gateway in its own process for kill tests: args PORT STORE ROOT.pem DELAY_MS [JDBC_URL|- [FAULTS.json|-]];
 * prints each chunk's first byte ({@code CHUNK n}) and, with a fault plan, every answer ({@code ANSWER m path code}).
 */
public final class GatewayProcessMain {
    private GatewayProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[3]);
        String jdbc = args.length > 4 && !"-".equals(args[4]) ? args[4] : null;
        String faults = args.length > 5 && !"-".equals(args[5]) ? Files.readString(Path.of(args[5])) : null;
        Filter trace = new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                String range = ex.getRequestHeaders().getFirst("Content-Range");
                if (range != null) {
                    System.out.println("CHUNK " + range.replaceAll("bytes (\\d+)-.*", "$1"));
                }
                if (delay > 0 && range != null) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                chain.doFilter(ex);
            }

            @Override
            public String description() {
                return "trace";
            }
        };
        List<Filter> filters = new ArrayList<>(List.of(trace));
        if (faults != null) {
            filters.add(new FaultPlanFilter(faults));
        }
        GatewayServer.Config config = GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", port),
                Path.of(args[1]), Certificates.read(Path.of(args[2])));
        if (jdbc != null) {
            config = config.withJdbc(jdbc);
        }
        GatewayServer g = GatewayServer.start(config, filters);
        System.out.println("READY " + g.port());
        Thread.currentThread().join();
    }
}
