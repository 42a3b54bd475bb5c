// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TixunException;
import org.tixun.core.cli.DataDirOption;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.store.Settings;
import org.tixun.core.sync.Backoff;
import org.tixun.core.sync.Connector;
import org.tixun.core.sync.FolderDropConnector;
import org.tixun.core.sync.OutboxState;
import org.tixun.core.sync.RestConnector;
import org.tixun.core.sync.SyncItem;
import org.tixun.core.sync.SyncService;
import org.tixun.core.sync.SyncWorker;
import org.tixun.core.pki.TlsContexts;
import org.tixun.core.sync.WaitReason;
import org.tixun.core.sync.i18n.SyncMessages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tixun sync status|run|retry}: the outbox from the command line. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Delivery of sealed records to the case system.",
        subcommands = {SyncCommand.Status.class, SyncCommand.Run.class, SyncCommand.Retry.class})
public final class SyncCommand {
    public SyncCommand() {
        // picocli instantiates commands reflectively
    }

    static SyncService service(CoreServices core) {
        return org.tixun.core.sync.SyncService.of(core);
    }

    /** Whether Settings name a case system (else a record never attempted waits for a destination). */
    static boolean destinationConfigured(CoreServices core) {
        return core.settings().get(Settings.CASE_SYSTEM_URL).filter(s -> !s.isBlank()).isPresent();
    }

    /** Per record: state, attempts, last error, receipt. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the sync outbox, one record a line.")
    public static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Option(names = "--json", description = "print JSON")
        boolean json;
        @Spec
        CommandSpec spec;

        public Status() {
            // picocli
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                SyncService sync = service(core);
                List<SyncItem> items = sync.items();
                boolean configured = destinationConfigured(core);
                if (json) {
                    ObjectMapper m = new ObjectMapper();
                    ArrayNode arr = m.createArrayNode();
                    for (SyncItem i : items) {
                        ObjectNode o = arr.addObject();
                        o.put("recordId", i.recordId());
                        o.put("state", i.state().name());
                        o.put("attempts", i.attempts());
                        o.put("nextAttemptAt", i.nextAttemptAt() == null ? null : i.nextAttemptAt().toString());
                        o.put("lastStatus", i.lastStatus());
                        o.put("lastError", i.lastError());
                        o.put("destination", i.destination());
                        o.put("syncedAt", i.syncedAt() == null ? null : i.syncedAt().toString());
                        o.put("problem", i.problem() == null ? null : i.problem().name());
                        WaitReason why = sync.reason(i, configured);
                        o.putObject("reason").put("code", why.code().name()).put("zh", why.zh()).put("en", why.en());
                        if (i.receiptJson() != null) {
                            try {
                                o.set("receipt", m.readTree(i.receiptJson()));
                            } catch (IOException e) {
                                o.put("receipt", i.receiptJson());
                            }
                        } else {
                            o.putNull("receipt");
                        }
                    }
                    out.println(arr.toPrettyString());
                } else {
                    var counts = sync.counts();
                    out.printf("%d queued: %d pending, %d in progress, %d delivered, %d failed%n", items.size(),
                            counts.get(OutboxState.PENDING), counts.get(OutboxState.IN_PROGRESS),
                            counts.get(OutboxState.DONE), counts.get(OutboxState.FAILED));
                    if (!configured) {
                        out.println(SyncMessages.of("cli.noDestination").bilingual());
                    }
                    for (SyncItem i : items) {
                        out.printf("%s  %-11s attempts=%d%s%n    %s%n", i.recordId(), i.state(), i.attempts(),
                                i.receipt().map(r -> "  receipt " + r.receiptId() + " at " + r.receivedAt()).orElse(""),
                                sync.reason(i, configured).text());
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    /** Where to deliver: a REST URL or a drop folder. */
    static final class Target {
        @Option(names = "--url", paramLabel = "URL", description = "case-system base URL (https://…; http:// for tests)")
        URI url;
        @Option(names = "--folder", paramLabel = "DIR", description = "folder-drop directory for one-way gates")
        Path folder;
    }

    /** Delivers the outbox. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Deliver queued records: with --once everything due now, else until stopped (Ctrl-C).",
                "Sealed records not yet queued are queued first.",
                "Without --url/--folder the Settings value casesystem.url is used (a file: URL means folder-drop)."})
    public static final class Run implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Option(names = "--once", description = "deliver what is due now and exit (exit 1 if any record is left)")
        boolean once;
        @ArgGroup(exclusive = true)
        Target target;
        @Option(names = "--token-file", paramLabel = "FILE", description = "bearer token for the case system")
        Path tokenFile;
        @Option(names = "--client-cert", paramLabel = "FILE.p12", description = "client certificate for mutual TLS")
        Path clientCert;
        @Option(names = "--client-cert-passphrase-file", paramLabel = "FILE", description = "its passphrase")
        Path clientCertPass;
        @Option(names = "--trust", paramLabel = "CERT", description = "CA to trust for the server (else the JVM's)")
        List<Path> trust = new ArrayList<>();
        @Option(names = "--receipt-cert", paramLabel = "CERT",
                description = "require receipts signed by this certificate (the gateway's receipt-signing.pem)")
        Path receiptCert;
        @Option(names = "--threads", defaultValue = "2", description = "parallel deliveries (default ${DEFAULT-VALUE})")
        int threads;
        @Spec
        CommandSpec spec;

        public Run() {
            // picocli
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices core = CoreServices.open(dataDir.resolve()); Connector connector = connector(core)) {
                SyncService sync = service(core);
                int queued = sync.enqueueSealed();
                if (queued > 0) {
                    out.println("Queued " + queued + " sealed records that were not yet in the outbox.");
                }
                if (once) {
                    SyncWorker.Summary s;
                    try (SyncWorker worker = new SyncWorker(sync, connector, threads, Backoff.DEFAULT,
                            Clock.systemUTC())) {
                        s = worker.runOnce();
                    }
                    out.printf("Delivered %d, to retry later %d, refused %d (to %s).%n", s.delivered(), s.retryLater(),
                            s.refused(), connector.destination());
                    out.flush();
                    return s.retryLater() + s.refused() == 0 ? 0 : 1;
                }
                SyncWorker worker = new SyncWorker(sync, connector, threads, Backoff.DEFAULT, Clock.systemUTC());
                CountDownLatch stop = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    worker.close();
                    stop.countDown();
                }, "tixun-sync-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                worker.start();
                out.println("Delivering to " + connector.destination() + " until stopped (Ctrl-C).");
                out.flush();
                stop.await();
                return 0;
            }
        }

        private Connector connector(CoreServices core) throws IOException {
            if (target != null && target.folder != null) {
                return new FolderDropConnector(target.folder, Clock.systemUTC());
            }
            URI url = target != null && target.url != null ? target.url
                    : core.settings().get(Settings.CASE_SYSTEM_URL).filter(s -> !s.isBlank()).map(URI::create)
                    .orElseThrow(() -> new TixunException(TixunException.Exit.USAGE,
                            "No case system configured: give --url or --folder, or set it in Settings."));
            if ("file".equalsIgnoreCase(url.getScheme())) {
                // a file: URL in Settings means folder-drop to that directory
                return org.tixun.core.sync.BackgroundSync.forUrl(url, null);
            }
            RestConnector.Config config = RestConnector.Config.of(url);
            if (receiptCert != null) {
                config = config.withReceiptSigner(Certificates.read(receiptCert).get(0));
            }
            if (tokenFile != null) {
                config = config.withBearerToken(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
            }
            if (clientCert != null || !trust.isEmpty()) {
                IssuedCredential own = clientCert == null ? null : TlsContexts.load(clientCert,
                        clientCertPass == null ? new char[0]
                                : Files.readString(clientCertPass, StandardCharsets.UTF_8).trim().toCharArray());
                List<X509Certificate> anchors = new ArrayList<>();
                for (Path p : trust) {
                    anchors.addAll(Certificates.read(p));
                }
                config = config.withTls(TlsContexts.create(own, anchors));
            }
            return new RestConnector(config);
        }
    }

    /** The clerk's manual retry. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queue a failed record again (attempts reset); deliver it with 'sync run'.")
    public static final class Retry implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;
        @Parameters(paramLabel = "RECORD_ID")
        String recordId;
        @Spec
        CommandSpec spec;

        public Retry() {
            // picocli
        }

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(dataDir.resolve())) {
                service(core).retry(System.getProperty("user.name", "cli"), recordId);
                spec.commandLine().getOut().println("Record " + recordId + " queued again.");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
