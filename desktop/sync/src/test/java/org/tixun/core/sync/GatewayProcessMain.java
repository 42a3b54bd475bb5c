// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.pki.Certificates;

/** A gateway in its own process for kill tests: args PORT STORE ROOT.pem DELAY_MS; prints each chunk's first byte. */
public final class GatewayProcessMain {
    private GatewayProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[3]);
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
        GatewayServer g = GatewayServer.start(GatewayServer.Config.plain(new InetSocketAddress("127.0.0.1", port),
                Path.of(args[1]), Certificates.read(Path.of(args[2]))), List.of(trace));
        System.out.println("READY " + g.port());
        Thread.currentThread().join();
    }
}
