// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault plan of {@code src/test/python/case_system_server.py} (same JSON) as a filter in front of the reference
 * gateway, so both servers face the same scenario: an answer instead of the server's ({@code status}, with
 * {@code retryAfter}), a late answer ({@code delay}; here always before the work, which then happens after a client
 * that timed out has given up), and a chunk of which only a part reaches the store ({@code partial}: the gateway sees
 * the body end early and keeps the prefix).
 */
final class FaultPlanFilter extends Filter {
    private final List<Rule> rules = new ArrayList<>();

    private static final class Rule {
        final JsonNode spec;
        int seen;
        int used;

        Rule(JsonNode spec) {
            this.spec = spec;
        }
    }

    FaultPlanFilter(String json) throws IOException {
        for (JsonNode r : new ObjectMapper().readTree(json)) {
            rules.add(new Rule(r));
        }
    }

    static String kind(String path) {
        String[] p = path.split("/");
        if (p.length == 5 && "recordings".equals(p[3])) {
            return "recordings";
        }
        if (p.length == 6 && "document".equals(p[5])) {
            return "document";
        }
        if (p.length == 6 && "receipt".equals(p[5])) {
            return "receipt";
        }
        if (p.length == 5 && "records".equals(p[3])) {
            return "records";
        }
        return "any";
    }

    private synchronized JsonNode take(String method, String kind) {
        for (Rule r : rules) {
            String m = r.spec.path("method").asText("any");
            String k = r.spec.path("path").asText("any");
            if ((!m.equals("any") && !m.equals(method)) || (!k.equals("any") && !k.equals(kind))) {
                continue;
            }
            r.seen++;
            if (r.seen <= r.spec.path("skip").asInt(0)) {
                continue;
            }
            int times = r.spec.path("times").asInt(1);
            if (times >= 0 && r.used >= times) {
                continue;
            }
            r.used++;
            return r.spec;
        }
        return null;
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        String kind = kind(ex.getRequestURI().getPath());
        JsonNode rule = take(ex.getRequestMethod(), kind);
        String action = rule == null ? "" : rule.path("action").asText("status");
        switch (action) {
            case "status" -> {
                int status = rule.get("status").asInt();
                System.out.println("FAULT status " + status + " " + ex.getRequestMethod() + " " + ex.getRequestURI());
                try (InputStream in = ex.getRequestBody()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (rule.has("retryAfter")) {
                    ex.getResponseHeaders().set("Retry-After", rule.get("retryAfter").asText());
                }
                byte[] words = ("{\"error\":\"injected " + status + "\"}").getBytes();
                if ("HEAD".equals(ex.getRequestMethod())) {
                    ex.sendResponseHeaders(status, -1);
                } else {
                    ex.sendResponseHeaders(status, words.length);
                    ex.getResponseBody().write(words);
                }
                ex.close();
                answered(ex, status);
                return;
            }
            case "delay" -> {
                // The JDK server sends the status line when the handler answers, so a late answer is made by waiting
                // before the work: a client that gave up meanwhile finds the work done when it tries again.
                long ms = (long) (rule.get("seconds").asDouble() * 1000);
                if (ms >= 200) {
                    System.out.println("FAULT delay " + ms + " ms " + ex.getRequestMethod() + " " + ex.getRequestURI());
                }
                sleep(ms);
                chain.doFilter(ex);
            }
            case "partial" -> {
                long want = Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
                long limit = Math.max(1, (long) (want * rule.path("fraction").asDouble(0.5)));
                System.out.println("FAULT partial " + limit + " of " + want + " bytes " + ex.getRequestURI());
                ex.setStreams(new Truncated(ex.getRequestBody(), limit), ex.getResponseBody());
                chain.doFilter(ex);
            }
            default -> chain.doFilter(ex);
        }
        answered(ex, ex.getResponseCode());
    }

    private static void answered(HttpExchange ex, int status) {
        System.out.println("ANSWER " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + status);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String description() {
        return "fault plan";
    }

    /** The body as far as {@code limit} bytes, then its end: the rest never reaches the store. */
    private static final class Truncated extends FilterInputStream {
        private long left;

        Truncated(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
