// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tixun.core.evidence.Replay;
import org.tixun.core.evidence.ReplayedEvent;
import org.tixun.core.evidence.ReplayedSigner;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.ink.InkLayout;
import org.tixun.core.evidence.ink.RasterInk;
import org.tixun.core.evidence.ink.SvgInk;
import org.tixun.core.i18n.LocalizedArgumentException;
import org.tixun.core.pki.InstitutionKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tixun replay}: decrypts one signer's strokes with the escrow key and writes an animated SVG or GIF. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a signature from a sealed record as an animated SVG or GIF (needs the escrow key).")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.pdf")
    Path file;

    @Option(names = "--signer", required = true, paramLabel = "N", description = "signer revision, 1 = first signer")
    int signer;

    @Option(names = "--out", required = true, paramLabel = "sig.svg|sig.gif")
    Path out;

    @Option(names = "--event", paramLabel = "ID", description = "event id (default: the signer's main signature)")
    String eventId;

    @Option(names = "--escrow-key", required = true, paramLabel = "FILE.p12")
    Path escrowKey;

    @Option(names = "--escrow-passphrase-file", paramLabel = "FILE")
    Path escrowPassphraseFile;

    @Option(names = "--speed", defaultValue = "1.0", description = "replay speed factor (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--scale", defaultValue = "3",
            description = "pixels per PDF point for GIF (default ${DEFAULT-VALUE})")
    float scale;

    @Spec
    CommandSpec spec;

    public ReplayCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            var escrow = InstitutionKeyStore.openEscrowKey(escrowKey,
                    Passphrases.read(escrowPassphraseFile, "TIXUN_ESCROW_PASSPHRASE",
                            EvidenceMessages.of("cli.escrowPassphrase")));
            ReplayedSigner who = new Replay(escrow).signer(Files.readAllBytes(file), signer);
            ReplayedEvent event = eventId == null ? who.primaryEvent() : who.events().stream()
                    .filter(e -> e.eventId().equals(eventId)).findFirst()
                    .orElseThrow(() -> new LocalizedArgumentException(EvidenceMessages.of("cli.noEvent", eventId)));
            InkLayout layout = event.layout();
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            byte[] bytes;
            if (name.endsWith(".svg")) {
                bytes = SvgInk.render(layout, speed);
            } else if (name.endsWith(".gif")) {
                bytes = RasterInk.animatedGif(layout, scale, 50, speed);
            } else {
                err.println(EvidenceMessages.of("cli.replayFormat").bilingual());
                return 2;
            }
            Files.write(out, bytes);
            o.println(EvidenceMessages.of("cli.replayed", who.role(), who.name(), event.page(), event.kind(),
                    event.samples().size(), event.durationMillis() / 1000.0, out).chinese());
            o.flush();
            return 0;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            err.println(EvidenceMessages.of("cli.cannotReplay").bilingual() + ": " + e.getMessage());
            err.flush();
            return e instanceof GeneralSecurityException ? 1 : 2;
        }
    }
}
