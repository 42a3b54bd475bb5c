// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tixun.core.TixunException;
import org.tixun.core.gateway.GatewayServer;
import org.tixun.core.gateway.ReceiptSigner;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.TlsContexts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tixun gateway}: runs the reference case-system gateway until stopped. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Reference case-system gateway serving the sync contract v1 (docs/sync.md).",
            "Verifies every received record against --trust-anchor and answers 422 to a tampered one;",
            "signs receipts with its own key (STORE/receipt-signing.p12, certificate in receipt-signing.pem)",
            "or with --receipt-keystore."})
public final class GatewayCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "e.g. 127.0.0.1:8443")
    String listen;
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "documents, recordings, keys, SQLite")
    Path store;
    @Option(names = "--jdbc", paramLabel = "URL",
            description = "registry database instead of SQLite, e.g. jdbc:postgresql://db:5432/cases?user=gw&password=…")
    String jdbc;
    @Option(names = "--trust-anchor", paramLabel = "CERT", description = "institution root a record must chain to; "
            + "repeatable")
    List<Path> trustAnchors = new ArrayList<>();
    @Option(names = "--no-verify", description = "accept records without verifying them (transport tests only)")
    boolean noVerify;
    @Option(names = "--tls-keystore", paramLabel = "FILE.p12", description = "server certificate and key: serve HTTPS")
    Path tlsKeystore;
    @Option(names = "--tls-passphrase-file", paramLabel = "FILE", description = "passphrase of --tls-keystore")
    Path tlsPassphrase;
    @Option(names = "--client-ca", paramLabel = "CERT", description = "require client certificates from this CA "
            + "(mutual TLS); repeatable")
    List<Path> clientCas = new ArrayList<>();
    @Option(names = "--token-file", paramLabel = "FILE", description = "require this bearer token")
    Path tokenFile;
    @Option(names = "--receipt-keystore", paramLabel = "FILE.p12", description = "sign receipts with this key")
    Path receiptKeystore;
    @Option(names = "--receipt-passphrase-file", paramLabel = "FILE", description = "passphrase of --receipt-keystore")
    Path receiptPassphrase;
    @Spec
    CommandSpec spec;

    public GatewayCommand() {
        // picocli instantiates commands reflectively
    }

    /** Runs the gateway alone (a separate process in tests and small deployments). */
    public static void main(String[] args) {
        GatewayServer.disableNagle();
        System.exit(new CommandLine(new GatewayCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        GatewayServer.disableNagle();
        PrintWriter out = spec.commandLine().getOut();
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new TixunException(TixunException.Exit.USAGE, "--listen needs HOST:PORT, got " + listen);
        }
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1)));
        List<X509Certificate> anchors = read(trustAnchors);
        if (anchors.isEmpty() && !noVerify) {
            throw new TixunException(TixunException.Exit.USAGE,
                    "Give --trust-anchor (the institution root certificate) so received records are verified.");
        }
        GatewayServer.Config config = GatewayServer.Config.plain(address, store, anchors).withJdbc(jdbc);
        if (tlsKeystore != null) {
            IssuedCredential server = TlsContexts.load(tlsKeystore, passphrase(tlsPassphrase));
            List<X509Certificate> cas = read(clientCas);
            config = config.withTls(TlsContexts.create(server, cas), !cas.isEmpty());
        }
        if (tokenFile != null) {
            config = config.withBearerToken(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        }
        if (receiptKeystore != null) {
            config = config.withSigner(new ReceiptSigner(TlsContexts.load(receiptKeystore,
                    passphrase(receiptPassphrase))));
        }
        GatewayServer gateway = GatewayServer.start(config, List.of());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stop.countDown();
        }, "tixun-gateway-shutdown"));
        out.println("Gateway listening on " + gateway.baseUrl() + " (store " + store + ", registry "
                + gateway.store().url() + ")");
        out.flush();
        stop.await();
        return 0;
    }

    private static char[] passphrase(Path file) throws java.io.IOException {
        return file == null ? new char[0] : Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
    }

    private static List<X509Certificate> read(List<Path> files) throws java.io.IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : files) {
            out.addAll(Certificates.read(p));
        }
        return out;
    }
}
