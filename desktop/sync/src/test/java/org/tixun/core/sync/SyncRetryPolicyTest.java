// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class SyncRetryPolicyTest {

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999999);

        assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(1, null)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(low.delay(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delay(20, null)).isBetween(Duration.ofMillis(29_990), Duration.ofSeconds(30));
        assertThat(low.delay(1000, null)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void retryAfterIsAFloorNotACeiling() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);

        assertThat(b.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(b.delay(8, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        server.createContext("/", ex -> {
            String v = ex.getRequestURI().getPath().substring(1);
            ex.getResponseHeaders().set("Retry-After", v.equals("date") ? date : v);
            ex.sendResponseHeaders(429, -1);
            ex.close();
        });
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            assertThat(RestConnector.retryAfter(http.send(HttpRequest.newBuilder(URI.create(base + "5")).build(),
                    HttpResponse.BodyHandlers.discarding()))).isEqualTo(Duration.ofSeconds(5));
            assertThat(RestConnector.retryAfter(http.send(HttpRequest.newBuilder(URI.create(base + "date")).build(),
                    HttpResponse.BodyHandlers.discarding()))).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
            assertThat(RestConnector.retryAfter(http.send(HttpRequest.newBuilder(URI.create(base + "soon")).build(),
                    HttpResponse.BodyHandlers.discarding()))).isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpOnlyWhenTheUrlSaysSo() {
        assertThat(RestConnector.Config.of(URI.create("https://cases.example")).baseUrl().toString())
                .isEqualTo("https://cases.example/");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestConnector.Config.of(URI.create("ftp://x/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
