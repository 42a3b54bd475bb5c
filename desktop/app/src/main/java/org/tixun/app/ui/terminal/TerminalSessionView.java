// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.awt.image.BufferedImage;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.VideoPane;
import org.tixun.app.ui.ink.SignatureCanvas;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.Controls;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.ReadingMode;
import org.tixun.app.ui.terminal.TerminalSessionViewModel.Screen;
import org.tixun.core.media.AudioSource;
import org.tixun.core.media.VideoSource;
import org.tixun.core.session.LinkState;
import org.tixun.core.session.TerminalLink;
import org.tixun.core.session.flow.PhotoSource;
import org.tixun.core.session.flow.SignatureSource;
import org.tixun.core.session.flow.TerminalFlow;

/**
 * The terminal's session screens in large type, in two columns that never overlap: the record on the left (the live
 * record following the cursor, or the frozen page with the ink signed so far in place and the next slot marked) with
 * the controls of the step under it, and on the right the two-way video above the instruction card (what to do, the
 * page and place, the confirmation sentence whole, messages, the slot just signed). The device self-test comes
 * first; the banner 「连接中断，正在重连…」 shows whenever the link is down.
 */
public final class TerminalSessionView extends BorderPane {
    /** The confirmation sentence of DOMAIN.md rule 6, written by hand exactly as shown. */
    public static final String CONFIRMATION_SENTENCE = "以上笔录我看过（向我宣读过），和我说的相符";
    /** Resolution of the page images the workstation sends (the live record and the frozen pages). */
    static final double PAGE_DPI = 100;
    /** Size of the record's body text in points (the templates' base.css). */
    static final double BODY_POINTS = 12;
    /** With larger text, the part of the page's width shown: the text column, without the side margins. */
    static final double TEXT_COLUMN_LEFT = 0.095;
    static final double TEXT_COLUMN_WIDTH = 0.83;
    /** Below this height (logical pixels) the screens use the compact type sizes. */
    static final double COMPACT_BELOW = 600;

    private final I18n i18n;
    private final TerminalSessionViewModel vm;
    private final VideoPane video;
    private final TerminalSelfTestView selfTest;
    private final ImageView liveImage = new ImageView();
    private final ScrollPane liveScroll = new ScrollPane(liveImage);
    private final ImageView pageImage = new ImageView();
    private final ScrollPane pageScroll = new ScrollPane(pageImage);
    private final SignatureCanvas canvas = new SignatureCanvas();
    private final VBox recordColumn;
    private final VBox sideColumn;

    public TerminalSessionView(AppContext ctx, TerminalFlow flow, TerminalLink link, PhotoSource camera,
            SignatureSource pad) {
        this(ctx, new TerminalSessionViewModel(flow, link, camera, pad, ctx.tasks(), Platform::runLater,
                ctx.core().settings()), camera, pad);
    }

    public TerminalSessionView(AppContext ctx, TerminalSessionViewModel vm, PhotoSource camera, SignatureSource pad) {
        this.i18n = ctx.i18n();
        this.vm = vm;
        setId("terminalSessionView");
        getStyleClass().addAll(Styles.KIOSK, TerminalStyles.SESSION);
        TerminalStyles.apply(this);

        Label banner = new Label();
        banner.setId("terminalLinkBanner");
        banner.textProperty().bind(i18n.bind("session.terminal.banner.lost"));
        banner.getStyleClass().add(TerminalStyles.BANNER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setAlignment(Pos.CENTER);
        banner.setWrapText(true);
        var down = Bindings.createBooleanBinding(() -> vm.linkStateProperty().get() == LinkState.LOST
                || vm.linkStateProperty().get() == LinkState.RECONNECTING, vm.linkStateProperty());
        banner.visibleProperty().bind(down);
        banner.managedProperty().bind(down);
        setTop(banner);

        video = new VideoPane(i18n);
        video.setMinSize(0, 0);
        recordColumn = recordColumn();
        sideColumn = sideColumn();
        HBox.setHgrow(recordColumn, Priority.ALWAYS);
        HBox main = new HBox(recordColumn, sideColumn);
        main.setId("terminalMain");
        selfTest = new TerminalSelfTestView(ctx, camera, pad, vm::selfTestDone);
        StackPane screens = new StackPane(main, selfTest);
        setCenter(screens);
        var inSelfTest = vm.screenProperty().isEqualTo(Screen.SELF_TEST);
        selfTest.visibleProperty().bind(inSelfTest);
        main.visibleProperty().bind(inSelfTest.not());

        // The side column: about a third of the width, never so narrow the video and the card stop being useful.
        widthProperty().addListener((o, a, w) -> sizeSide(w.doubleValue()));
        // A short screen (1366×768 at 150 %) gets the compact type sizes, so the page keeps some room.
        TerminalStyles.compactWhenShort(this, COMPACT_BELOW);
        vm.completedProperty().addListener((o, a, b) -> canvas.clear());
        vm.controlsProperty().addListener((o, a, b) -> canvas.clear());
    }

    private void sizeSide(double width) {
        double side = Math.max(300, Math.min(560, Math.round(width * 0.3)));
        sideColumn.setMinWidth(side);
        sideColumn.setPrefWidth(side);
        sideColumn.setMaxWidth(side);
    }

    private VBox recordColumn() {
        Label livePage = new Label();
        livePage.setId("terminalLivePage");
        livePage.textProperty().bind(Bindings.createStringBinding(() -> {
            var l = vm.liveProperty().get();
            return l == null ? "" : i18n.text("session.terminal.page", l.page(), l.pageCount());
        }, vm.liveProperty(), i18n.localeProperty()));
        Label pageLabel = new Label();
        pageLabel.setId("terminalPageLabel");
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.pageCountProperty().get() == 0 ? ""
                : vm.shownPageProperty().get() == 0 ? i18n.text("terminal.page.loading")
                : i18n.text("session.terminal.page", vm.shownPageProperty().get(), vm.pageCountProperty().get()),
                vm.shownPageProperty(), vm.pageCountProperty(), i18n.localeProperty()));
        Label reader = new Label();
        reader.setId("terminalReaderBanner");
        reader.getStyleClass().add(TerminalStyles.READER);
        reader.setWrapText(true);
        reader.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(
                vm.readerFromWorkstationProperty().get() ? "terminal.reader.at" : "terminal.reader.follow",
                vm.shownPageProperty().get(), vm.pageCountProperty().get()), vm.readerFromWorkstationProperty(),
                vm.shownPageProperty(), vm.pageCountProperty(), i18n.localeProperty()));
        var aloud = vm.screenProperty().isEqualTo(Screen.READING)
                .and(vm.readingModeProperty().isEqualTo(ReadingMode.ALOUD));
        show(reader, aloud);
        var liveShown = vm.screenProperty().isEqualTo(Screen.LIVE);
        for (Label l : new Label[] {livePage, pageLabel}) {
            l.getStyleClass().add(TerminalStyles.PAGE_LABEL);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        show(livePage, liveShown);
        show(pageLabel, liveShown.not());
        ToggleButton large = new ToggleButton();
        large.setId("terminalLargeText");
        large.textProperty().bind(i18n.bind("terminal.largeText"));
        large.selectedProperty().bindBidirectional(vm.largeTextProperty());
        large.getStyleClass().add(TerminalStyles.BIG_BUTTON);
        large.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(14, livePage, pageLabel, reader, spacer, large);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reader, Priority.SOMETIMES);

        Label waiting = new Label();
        waiting.setId("terminalWaiting");
        waiting.getStyleClass().add(TerminalStyles.WAITING);
        waiting.setWrapText(true);
        waiting.textProperty().bind(text(vm.waitingProperty()));
        show(waiting, liveShown.and(vm.waitingProperty().isNotNull()));

        liveImage.setId("terminalLiveImage");
        pageImage.setId("terminalPageImage");
        for (ScrollPane sp : new ScrollPane[] {liveScroll, pageScroll}) {
            sp.setFitToWidth(true);
            sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            // Small preferred height: the page takes what is left once the controls have their room.
            sp.setMinHeight(70);
            sp.setPrefHeight(160);
            VBox.setVgrow(sp, Priority.ALWAYS);
        }
        liveScroll.setId("terminalLiveScroll");
        pageScroll.setId("terminalPageScroll");
        show(liveScroll, liveShown);
        show(pageScroll, liveShown.not().and(vm.pageProperty().isNotNull()));
        PageFit.fit(liveImage, liveScroll, vm.largeTextProperty());
        PageFit.fit(pageImage, pageScroll, vm.largeTextProperty());
        vm.liveProperty().addListener((o, a, l) -> {
            if (l == null) {
                liveImage.setImage(null);
                return;
            }
            liveImage.setImage(SwingFXUtils.toFXImage(l.image(), null));
            PageFit.refit(liveImage, liveScroll, vm.largeTextProperty().get());
            PageFit.follow(liveScroll, liveImage, l.cursorY());
            // Shown once this pulse has painted it.
            Platform.runLater(() -> vm.shown(l.update()));
        });
        vm.pageProperty().addListener((o, a, img) -> showPage(img));
        // A resized window (or the larger-text switch) keeps the slot to sign in view.
        pageScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                Platform.runLater(this::keepFocus);
            }
        });
        vm.largeTextProperty().addListener((o, a, b) -> Platform.runLater(this::keepFocus));

        // Messages (nothing written, a device missing, a failed send) stand right above the controls they are about.
        Label message = label("terminalMessage", TerminalStyles.MESSAGE, vm.messageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        waiting.setMinHeight(Region.USE_PREF_SIZE);
        VBox column = new VBox(10, header, waiting, liveScroll, pageScroll, message, controls());
        column.setId("terminalRecordColumn");
        column.getStyleClass().add(TerminalStyles.RECORD);
        column.setMinWidth(0);
        column.heightProperty().addListener((o, a, h) -> canvas.setPrefHeight(Math.max(
                h.doubleValue() < COMPACT_BELOW ? 100 : 130, Math.min(240, h.doubleValue() * 0.3))));
        return column;
    }

    private void showPage(BufferedImage img) {
        pageImage.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null));
        PageFit.refit(pageImage, pageScroll, vm.largeTextProperty().get());
        keepFocus();
        // Once more after the pulse has laid the new page out.
        Platform.runLater(this::keepFocus);
    }

    /** Scrolls the frozen page so the slot to sign (or the reader's line) is in view, else to the top. */
    private void keepFocus() {
        var f = vm.focusProperty().get();
        if (f == null) {
            pageScroll.setVvalue(0);
        } else {
            PageFit.reveal(pageScroll, pageImage, f.getY(), f.getHeight());
        }
    }

    private Node controls() {
        Button readSelf = TerminalStyles.bigButton(i18n, "terminalReadSelf", "session.terminal.read.self");
        Button readAloud = TerminalStyles.bigButton(i18n, "terminalReadAloud", "session.terminal.read.aloud");
        readSelf.setOnAction(e -> vm.readSelf());
        readAloud.setOnAction(e -> vm.readAloud());
        FlowPane choice = strip(readSelf, readAloud);
        show(choice, vm.controlsProperty().isEqualTo(Controls.READING_CHOICE));

        Button previous = TerminalStyles.bigButton(i18n, "terminalPrevPage", "terminal.read.previous");
        Button next = TerminalStyles.bigButton(i18n, "terminalNextPage", "terminal.read.next");
        Button done = new Button();
        done.setId("terminalReadingDone");
        done.getStyleClass().addAll(TerminalStyles.BIG_BUTTON, "accent");
        done.setMinWidth(Region.USE_PREF_SIZE);
        done.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(
                vm.readingModeProperty().get() == ReadingMode.ALOUD ? "terminal.read.aloud.done"
                        : "terminal.read.self.done", vm.pageCountProperty().get()),
                vm.readingModeProperty(), vm.pageCountProperty(), i18n.localeProperty()));
        previous.setOnAction(e -> vm.previousPage());
        next.setOnAction(e -> vm.nextPage());
        done.setOnAction(e -> vm.finishReading());
        previous.disableProperty().bind(vm.pageNumberProperty().lessThanOrEqualTo(1));
        next.disableProperty().bind(vm.pageNumberProperty().greaterThanOrEqualTo(vm.pageCountProperty()));
        done.disableProperty().bind(vm.canFinishReadingProperty().not().or(vm.busyProperty()));
        FlowPane reading = strip(previous, next, done);
        show(reading, vm.controlsProperty().isEqualTo(Controls.READING));

        canvas.setId("terminalSignatureCanvas");
        canvas.setPrefHeight(200);
        canvas.minHeightProperty().bind(canvas.prefHeightProperty());
        canvas.setMaxWidth(Double.MAX_VALUE);
        Button confirm = TerminalStyles.bigButton(i18n, "terminalConfirmSignature", "session.terminal.sign.confirm");
        confirm.getStyleClass().add("accent");
        Button clear = TerminalStyles.bigButton(i18n, "terminalClearSignature", "session.terminal.sign.clear");
        Button padSign = TerminalStyles.bigButton(i18n, "terminalPadSign", "session.terminal.sign.pad");
        confirm.setOnAction(e -> vm.confirmCanvas(canvas.samples(), canvas.getWidth(), canvas.getHeight()));
        clear.setOnAction(e -> canvas.clear());
        padSign.setOnAction(e -> vm.signWithPad());
        show(padSign, Bindings.createBooleanBinding(vm::hasPad));
        // The sentence to copy stands right above the writing box, whole, never cut.
        Label sentence = new Label(CONFIRMATION_SENTENCE);
        sentence.setId("terminalConfirmationSentence");
        sentence.getStyleClass().add(TerminalStyles.SENTENCE);
        sentence.setWrapText(true);
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        show(sentence, vm.confirmationSentenceProperty());
        VBox sign = new VBox(8, sentence, canvas, strip(confirm, clear, padSign));
        show(sign, vm.controlsProperty().isEqualTo(Controls.SIGN));

        Button fingerprint = TerminalStyles.bigButton(i18n, "terminalFingerprint", "terminal.fingerprint.button");
        fingerprint.getStyleClass().add("accent");
        fingerprint.setOnAction(e -> vm.signWithPad());
        FlowPane finger = strip(fingerprint);
        show(finger, vm.controlsProperty().isEqualTo(Controls.FINGERPRINT));

        VBox controls = new VBox(choice, reading, sign, finger);
        controls.setId("terminalControls");
        // Nothing is chosen or signed while the page asked for is still being drawn: the signer acts on what he sees.
        controls.disableProperty().bind(vm.busyProperty().or(vm.pageShownProperty().not()));
        return controls;
    }

    private static FlowPane strip(Node... nodes) {
        FlowPane p = new FlowPane(12, 10, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setPrefWrapLength(400);
        return p;
    }

    private VBox sideColumn() {
        StackPane videoBox = new StackPane(video);
        videoBox.setId("terminalVideoBox");
        videoBox.getStyleClass().add(TerminalStyles.VIDEO);
        // The camera's 4:3 picture as wide as the column, but never more than 38 % of the height (the card below
        // needs its room); the picture keeps its proportions inside.
        var videoHeight = Bindings.createDoubleBinding(() -> Math.min(videoBox.getWidth() * 0.75,
                Math.max(120, getHeight() * 0.38)), videoBox.widthProperty(), heightProperty());
        videoBox.minHeightProperty().bind(videoHeight);
        videoBox.prefHeightProperty().bind(videoHeight);
        videoBox.maxHeightProperty().bind(videoHeight);

        Label instruction = label("terminalInstruction", TerminalStyles.INSTRUCTION, vm.instructionProperty());
        Label place = label("terminalPlace", TerminalStyles.PLACE, vm.placeProperty());
        Label sentenceHint = new Label();
        sentenceHint.setId("terminalConfirmationHint");
        sentenceHint.textProperty().bind(i18n.bind("terminal.confirmation.hint"));
        sentenceHint.getStyleClass().add(TerminalStyles.DETAIL);
        sentenceHint.setWrapText(true);
        show(sentenceHint, vm.confirmationSentenceProperty());
        Label detail = label("terminalDetail", TerminalStyles.DETAIL, vm.detailProperty());

        Label signedLabel = new Label();
        signedLabel.setId("terminalLastSignedLabel");
        signedLabel.getStyleClass().add(TerminalStyles.SIGNED);
        signedLabel.setWrapText(true);
        signedLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.lastSignedProperty().get();
            return s == null ? "" : i18n.text("terminal.signed", s.place().resolve(i18n));
        }, vm.lastSignedProperty(), i18n.localeProperty()));
        ImageView signedImage = new ImageView();
        signedImage.setId("terminalLastSigned");
        signedImage.setPreserveRatio(true);
        signedImage.setSmooth(true);
        vm.lastSignedProperty().addListener((o, a, s) -> signedImage.setImage(s == null ? null
                : SwingFXUtils.toFXImage(s.image(), null)));
        VBox signed = new VBox(6, signedLabel, signedImage);
        signed.setId("terminalLastSignedCard");
        show(signed, vm.lastSignedProperty().isNotNull().and(vm.screenProperty().isEqualTo(Screen.SIGNING)
                .or(vm.screenProperty().isEqualTo(Screen.DONE))));

        VBox card = new VBox(12, instruction, place, sentenceHint, detail, signed);
        card.setId("terminalInstructionCard");
        card.getStyleClass().add(TerminalStyles.CARD);
        ScrollPane cardScroll = new ScrollPane(card);
        cardScroll.setId("terminalCardScroll");
        cardScroll.setFitToWidth(true);
        cardScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(cardScroll, Priority.ALWAYS);
        signedImage.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(40,
                cardScroll.getViewportBounds().getWidth() - 40), cardScroll.viewportBoundsProperty()));
        signedImage.setFitHeight(140);

        VBox side = new VBox(12, videoBox, cardScroll);
        side.setId("terminalSideColumn");
        side.getStyleClass().add(TerminalStyles.SIDE);
        side.setPadding(new Insets(12, 12, 12, 0));
        return side;
    }

    private Label label(String id, String style, ObservableValue<LocalText> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.textProperty().bind(text(text));
        show(l, Bindings.createBooleanBinding(() -> text.getValue() != null, text));
        return l;
    }

    private StringBinding text(ObservableValue<LocalText> text) {
        return Bindings.createStringBinding(() -> text.getValue() == null ? "" : text.getValue().resolve(i18n), text,
                i18n.localeProperty());
    }

    private static void show(Node n, ObservableValue<Boolean> when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /** The sink the media call paints into. */
    public VideoPane video() {
        return video;
    }

    /** The view's state (tests, the kiosk). */
    public TerminalSessionViewModel viewModel() {
        return vm;
    }

    /**
     * Self-test with {@link org.tixun.core.media.DeviceSelfTest} on these devices (camera frame rate and picture,
     * microphone level) before they are handed to the media call; {@code listening} (the addresses the workstation
     * can dial) is shown while waiting.
     */
    public void useDevices(VideoSource camera, AudioSource microphone, String listening) {
        selfTest.useDevices(camera, microphone);
        vm.setListening(listening);
    }

    /** Runs once when the self-test screen is left (e.g. hand the devices to the media call). */
    public void setOnSelfTestDone(Runnable r) {
        vm.setOnSelfTestDone(r);
    }

    /** Skips the self-test screen (tests, or the officer already ran it). */
    public void skipSelfTest() {
        vm.selfTestDone();
    }

    /** The ScrollPane vvalue (0 to 1) that puts {@code cursorY} of a {@code content}-high image 2/3 down a viewport. */
    static double scrollFor(double cursorY, double content, double viewport) {
        return PageFit.scrollFor(cursorY, content, viewport);
    }

    /**
     * The size in screen pixels (of the scene, before the output scale) of the record's body text as {@code view}
     * shows a page image, or 0 when nothing is shown.
     */
    public static double bodyTextPixels(ImageView view) {
        var vp = view.getViewport();
        if (view.getImage() == null || view.getFitWidth() <= 0) {
            return 0;
        }
        double shownImagePixels = vp != null ? vp.getWidth() : view.getImage().getWidth();
        return BODY_POINTS * PAGE_DPI / 72 * view.getFitWidth() / shownImagePixels;
    }
}
