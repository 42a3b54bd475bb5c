// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.e2e;

import static org.tixun.app.e2e.FxChild.await;
import static org.tixun.app.e2e.FxChild.fx;
import static org.tixun.app.e2e.FxChild.lookup;
import static org.tixun.app.e2e.FxChild.press;
import static org.tixun.app.e2e.FxChild.pressable;
import static org.tixun.app.e2e.FxChild.say;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.app.ui.workstation.RemoteSessionActions;
import org.tixun.app.ui.workstation.SessionView;
import org.tixun.core.config.DataDir;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.services.CoreServices;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.flow.RemoteSession;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.signpad.model.PenSample;

/**
 * Test code, a child JVM of {@link ProductionSessionEndToEndTest}: the workstation of a real installation — its data
 * dir set up by the administrator (institution keys behind a passphrase, devices chosen in Settings), the app's
 * {@link RemoteSessionActions} as the workstation screen calls them — operated as the administrator and the recorder
 * would: enrol the terminal with the code it shows, 「远程提讯」 on the case's record (typing the key store passphrase),
 * type the Q&A, freeze and send for signing (confirming), sign the workstation's slots on the workstation's own pad,
 * until the record is sealed.
 *
 * <p>Arguments: the data dir, the terminal's address, its enrollment code, the record id, the file holding the key
 * store passphrase, the place (the terminal's registered name), the folder for screen snapshots.
 */
public final class ProductionWorkstationMain {
    /** The Q&A the recorder types (none of it from a template's example). */
    static final List<String> TYPED = List.of(
            "问：我们是青川县人民检察院的检察人员，现依法对你进行讯问，全程同步录音录像，你是否清楚？",
            "答：清楚。",
            "问：你同意通过远程视频接受本次讯问吗？",
            "答：同意。",
            "问：请你讲一下今年十月二十二日晚上在槐荫巷仓库的经过。",
            "答：那天晚上九点多我骑电动三轮车到槐荫巷仓库，搬走了六箱铜线，卖给了收废品的老韩。");

    private ProductionWorkstationMain() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1], args[2], args[3], Path.of(args[4]), args[5], Path.of(args[6]));
            FxChild.exit(0);
        } catch (Throwable e) {
            FxChild.fail(e);
        }
    }

    private static void run(Path dataDir, String address, String code, String recordId, Path passphraseFile,
            String place, Path shots) throws Exception {
        say("DEMOKIT " + FxChild.demoKitPresent());
        CoreServices core = CoreServices.open(DataDir.at(dataDir));
        FxChild.startToolkit();
        AppContext ctx = FxChild.context(core);
        char[] passphrase = Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        RemoteSessionActions actions = new RemoteSessionActions(ctx);

        // The administrator enrols the terminal (终端管理): its address, the code it shows, the place's name.
        ctx.currentUserProperty().set(core.users().find(ProductionSessionEndToEndTest.ADMIN).orElseThrow());
        AtomicReference<RemoteSessionActions.Outcome> enrolled = new AtomicReference<>();
        actions.enroll(address, code, place, passphrase.clone(), enrolled::set);
        if (!enrolled.get().ok()) {
            throw new IllegalStateException("enrollment failed: " + enrolled.get().text());
        }
        say("ENROLLED " + enrolled.get().text());

        // The recorder starts the remote session on the case's record and types the key store passphrase.
        ctx.currentUserProperty().set(core.users().find(ProductionSessionEndToEndTest.RECORDER).orElseThrow());
        RecordSummary record = core.records().find(recordId).orElseThrow();
        AtomicReference<RemoteSession> session = new AtomicReference<>();
        AtomicReference<Throwable> startFailure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                session.set(actions.startSession(record));
            } catch (Throwable e) {
                startFailure.set(e);
            }
        });
        await("the key store passphrase prompt", Duration.ofSeconds(60), () -> lookup("sessionPassphrase").isPresent());
        fx(() -> {
            PasswordField field = (PasswordField) lookup("sessionPassphrase").orElseThrow();
            field.setText(new String(passphrase));
            Parent p = field.getParent();
            while (!(p instanceof DialogPane)) {
                p = p.getParent();
            }
            ((Button) ((DialogPane) p).lookupButton(ButtonType.OK)).fire();
            return null;
        });
        await("the session window", Duration.ofSeconds(90), () -> session.get() != null || startFailure.get() != null);
        if (startFailure.get() != null) {
            throw new IllegalStateException("the session did not start", startFailure.get());
        }
        RemoteSession rs = session.get();
        await("the link to the terminal", Duration.ofSeconds(90), () -> rs.link().state() == LinkState.CONNECTED);
        say("CONNECTED recording started " + rs.flow().state().recordingStart());
        if (rs.media() == null) {
            throw new IllegalStateException("the session has no audio/video: the configured devices did not open");
        }
        rs.flow().live().awaitWarmedUp(30_000);

        // The recorder types the Q&A.
        TextArea editor = (TextArea) lookup("sessionEditor").orElseThrow();
        for (String line : TYPED) {
            fx(() -> {
                editor.appendText((editor.getText().isEmpty() ? "" : "\n") + line);
                editor.positionCaret(editor.getLength());
                return null;
            });
            Thread.sleep(250);
        }
        rs.flow().live().awaitRendered(30_000);
        FxChild.snapshot("sessionView", shots.resolve("production-workstation-session.png"));

        // Freeze and send for signing (the confirmation answered by the operator).
        fx(() -> {
            ((SessionView) lookup("sessionView").orElseThrow()).freeze();
            return null;
        });
        await("the freeze", Duration.ofSeconds(90), () -> rs.flow().phase() != WorkstationFlow.Phase.LIVE);
        org.tixun.core.session.flow.WorkstationState frozen = rs.flow().state();
        say("FROZEN at " + frozen.frozenAt() + " sha " + frozen.frozenSha() + ", " + frozen.terminalSlots().size()
                + " terminal slots, " + frozen.localSlots().size() + " workstation slots");
        say("TIMES start " + frozen.recordingStart() + " frozen " + frozen.frozenAt());

        // The workstation's signers sign in the signing window on the workstation's pad (or press the reader).
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        Window handled = null;
        Window inkWindow = null;
        int inkCount = -1;
        long inkSince = 0;
        while (rs.flow().phase() != WorkstationFlow.Phase.SEALED) {
            if (rs.flow().phase() == WorkstationFlow.Phase.FAILED) {
                throw new IllegalStateException("the session failed: " + rs.flow().state().rejected());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not sealed in time; phase " + rs.flow().phase());
            }
            Optional<Node> view = lookup("wsSignView");
            if (view.isPresent()) {
                Window w = fx(() -> view.get().getScene().getWindow());
                if (w != handled) {
                    if (pressable("wsSignFingerprint")) {
                        say("WS-SLOT fingerprint: " + text("wsSignWho"));
                        press("wsSignFingerprint");
                        handled = w;
                    } else if (lookup("wsSignCanvas").isPresent()) {
                        // The signature is complete when the pad has sent ink and then nothing for a second.
                        List<PenSample> ink = fx(() -> ((SignatureCanvas) lookup("wsSignCanvas").orElseThrow())
                                .samples());
                        if (w != inkWindow || ink.size() != inkCount) {
                            inkWindow = w;
                            inkCount = ink.size();
                            inkSince = System.nanoTime();
                        } else if (!ink.isEmpty() && ink.stream().anyMatch(PenSample::isContact)
                                && System.nanoTime() - inkSince > 1_000_000_000L) {
                            say("WS-SLOT signature: " + text("wsSignWho") + ", " + ink.size() + " samples, "
                                    + text("wsSignPad"));
                            if (handled == null) {
                                FxChild.snapshot("wsSignView", shots.resolve("production-workstation-signing.png"));
                            }
                            press("wsSignConfirm");
                            handled = w;
                        }
                    }
                }
            }
            Thread.sleep(150);
        }
        org.tixun.core.session.flow.WorkstationState st = rs.flow().state();
        say("SEALED " + st.sealedPath() + " sha " + st.sealedSha() + " verified " + st.verified());
        say("RECORD " + core.records().find(recordId).map(r -> r.status().name()).orElse("?"));
        fx(() -> {
            ((Stage) lookup("sessionView").orElseThrow().getScene().getWindow()).close();
            return null;
        });
        core.close();
    }

    private static String text(String id) throws Exception {
        Optional<Node> n = lookup(id);
        return n.isEmpty() ? "" : fx(() -> ((javafx.scene.control.Labeled) n.get()).getText());
    }
}
