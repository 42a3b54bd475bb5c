// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;

/**
 * The detention-centre terminal in kiosk mode: large type, the connection state and the clock;
 * leaving it takes the administrator PIN (button in the corner or Ctrl+Alt+Q).
 */
public final class TerminalView extends BorderPane {
    private final StackPane pinPanel;
    private StackPane stack;
    private javafx.scene.Node idle;

    public TerminalView(AppContext ctx, KioskViewModel vm, Runnable onExit) {
        I18n i18n = ctx.i18n();
        getStyleClass().add(Styles.KIOSK);
        setId("terminalView");
        TerminalStyles.apply(this);
        TerminalStyles.compactWhenShort(this, TerminalSessionView.COMPACT_BELOW + 100);

        Label institution = new Label(vm.institution());
        institution.getStyleClass().add(Styles.KIOSK_STATUS);
        Label title = new Label();
        title.setId("kioskTitle");
        title.textProperty().bind(i18n.bind("kiosk.title"));
        title.getStyleClass().add(Styles.KIOSK_TITLE);
        Label state = new Label();
        state.setId("kioskState");
        state.textProperty().bind(i18n.bind("kiosk.waiting"));
        state.getStyleClass().add(Styles.KIOSK_STATUS);
        FontIcon camera = new FontIcon(Material2MZ.VIDEOCAM);
        camera.setIconSize(96);
        camera.getStyleClass().add("kiosk-icon");
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("kiosk.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        hint.setMaxWidth(760);
        hint.setAlignment(Pos.CENTER);

        Label clock = new Label();
        clock.setId("kioskClock");
        clock.getStyleClass().add(Styles.KIOSK_CLOCK);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1),
                e -> clock.setText(LocalDateTime.now().format(fmt))));
        tick.setCycleCount(Animation.INDEFINITE);
        clock.setText(LocalDateTime.now().format(fmt));
        tick.play();

        VBox center = new VBox(22, institution, title, camera, state, clock, hint);
        center.setAlignment(Pos.CENTER);
        center.setPadding(new Insets(40));

        PasswordField pin = new PasswordField();
        pin.setId("kioskPin");
        pin.promptTextProperty().bind(i18n.bind("kiosk.exit.pin"));
        Label error = new Label();
        error.setId("kioskPinError");
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.exitErrorProperty().get() == null ? ""
                : vm.exitErrorProperty().get().resolve(i18n), vm.exitErrorProperty(), i18n.localeProperty()));
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        // The lock-out counts down once a second; the PIN cannot be tried meanwhile.
        Label lock = new Label();
        lock.setId("kioskPinLock");
        lock.getStyleClass().addAll(Styles.ERROR_TEXT, "kiosk-lockout");
        lock.setWrapText(true);
        LongProperty secondsLocked = new SimpleLongProperty(vm.secondsLocked(vm.clock().instant()));
        Runnable tickLock = () -> secondsLocked.set(vm.secondsLocked(vm.clock().instant()));
        vm.lockedUntilProperty().addListener((o, a, b) -> tickLock.run());
        Timeline lockTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tickLock.run()));
        lockTicker.setCycleCount(Animation.INDEFINITE);
        lockTicker.play();
        lock.textProperty().bind(Bindings.createStringBinding(() -> secondsLocked.get() <= 0 ? ""
                : i18n.text("kiosk.exit.lockedFor", secondsLocked.get()), secondsLocked, i18n.localeProperty()));
        lock.visibleProperty().bind(secondsLocked.greaterThan(0));
        lock.managedProperty().bind(lock.visibleProperty());
        pin.disableProperty().bind(secondsLocked.greaterThan(0));
        Button confirm = new Button();
        confirm.setId("kioskExitConfirm");
        confirm.textProperty().bind(i18n.bind("kiosk.exit.confirm"));
        confirm.setDefaultButton(true);
        Button cancel = new Button();
        cancel.setId("kioskExitCancel");
        cancel.textProperty().bind(i18n.bind("common.cancel"));
        cancel.setCancelButton(true);
        Label pinTitle = new Label();
        pinTitle.textProperty().bind(i18n.bind("kiosk.exit.title"));
        pinTitle.getStyleClass().add("section-title");
        confirm.disableProperty().bind(secondsLocked.greaterThan(0));
        VBox pinCard = new VBox(10, pinTitle, pin, error, lock, new HBox(8, confirm, cancel));
        pinCard.setId("kioskPinPanel");
        pinCard.getStyleClass().add(Styles.CARD);
        pinCard.setMaxSize(420, Region.USE_PREF_SIZE);
        pinCard.setPadding(new Insets(20));
        // The PIN card over a dimmed screen: what is behind it cannot be touched meanwhile.
        pinPanel = new StackPane(pinCard);
        pinPanel.getStyleClass().add("kiosk-pin-backdrop");
        pinPanel.setVisible(false);
        confirm.setOnAction(e -> {
            char[] value = pin.getText().toCharArray();
            pin.clear();
            vm.submit(value, onExit);
        });
        cancel.setOnAction(e -> {
            pin.clear();
            pinPanel.setVisible(false);
        });

        Button exit = new Button();
        exit.setId("kioskExit");
        exit.setGraphic(new FontIcon(Material2AL.LOCK));
        exit.textProperty().bind(i18n.bind("kiosk.exit.button"));
        exit.getStyleClass().add("flat");
        exit.setOnAction(e -> showPin(pin));
        Button language = new Button();
        language.setId("kioskLanguage");
        language.textProperty().bind(i18n.bind("topbar.language"));
        language.getStyleClass().add("flat");
        language.setOnAction(e -> i18n.toggle());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, language, spacer, exit);
        footer.getStyleClass().add("kiosk-footer");
        footer.setPadding(new Insets(8, 16, 12, 16));

        javafx.scene.control.ScrollPane idleScroll = TerminalStyles.centredScroll(center);
        stack = new StackPane(idleScroll, pinPanel);
        idle = idleScroll;
        if (ctx.demo()) {
            // Demo terminals have the simulated pad; the self-test draws its signature live.
            PadSelfTestView selfTest = new PadSelfTestView(ctx, ctx.core().dataDir().root().resolve("run"));
            selfTest.setVisible(false);
            stack.getChildren().add(1, selfTest);
            Button test = new Button();
            test.setId("kioskSelfTest");
            test.textProperty().bind(i18n.bind("selftest.button"));
            test.getStyleClass().add("flat");
            test.setOnAction(e -> {
                selfTest.setVisible(!selfTest.isVisible());
                center.setVisible(!selfTest.isVisible());
            });
            footer.getChildren().add(1, test);
        }
        if (!ctx.demo()) {
            // The configured real devices and their self-tests (the demo keeps its simulated pad check above).
            DeviceSelfTestPane devices = new DeviceSelfTestPane(ctx);
            devices.setVisible(false);
            stack.getChildren().add(1, devices);
            Button test = new Button();
            test.setId("kioskDeviceSelfTest");
            test.textProperty().bind(i18n.bind("kiosk.devices.button"));
            test.getStyleClass().add("flat");
            test.setOnAction(e -> {
                // Over whatever the kiosk shows now (the idle screen, or the session part once it is there).
                javafx.scene.Node main = stack.getChildren().get(0);
                devices.setVisible(!devices.isVisible());
                main.setVisible(!devices.isVisible());
            });
            footer.getChildren().add(1, test);
        }
        if (ctx.demo()) {
            Label banner = org.tixun.app.ui.shell.TopBar.demoBanner(i18n);
            banner.setWrapText(true);
            setTop(banner);
        }
        setCenter(stack);
        setBottom(footer);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.ALT_DOWN), () -> showPin(pin));
            }
        });
    }

    /** Replaces the idle screen with the session part (enrollment, self-test, session); the PIN exit stays. */
    public void showContent(javafx.scene.Node content) {
        stack.getChildren().set(stack.getChildren().indexOf(idle), content);
        idle.setVisible(false);
    }

    private void showPin(PasswordField pin) {
        pinPanel.setVisible(true);
        pin.requestFocus();
    }
}
