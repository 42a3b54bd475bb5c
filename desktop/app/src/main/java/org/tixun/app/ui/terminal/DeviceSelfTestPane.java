// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.Styles;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.devices.camera.RtspCamera;
import org.tixun.core.devices.config.ConfiguredDevices;
import org.tixun.core.devices.config.DeviceSelfTests;

/**
 * The terminal's device self-test: the camera, microphone, signature pad and fingerprint reader configured on this
 * machine, each with its self-test result (what works, or what is wrong and what to do).
 */
public final class DeviceSelfTestPane extends VBox {
    /** The kinds a terminal checks, in order. */
    static final List<DeviceKind> KINDS = List.of(DeviceKind.CAMERA, DeviceKind.MICROPHONE, DeviceKind.SIGNATURE_PAD,
            DeviceKind.FINGERPRINT_READER);

    private final Map<DeviceKind, Label> results = new EnumMap<>(DeviceKind.class);

    public DeviceSelfTestPane(AppContext ctx) {
        this(ctx, new ConfiguredDevices(ctx.core().settings()));
    }

    public DeviceSelfTestPane(AppContext ctx, ConfiguredDevices devices) {
        I18n i18n = ctx.i18n();
        DeviceSelfTests tests = new DeviceSelfTests(devices);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("kiosk.devices.title"));
        title.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        int row = 0;
        for (DeviceKind k : KINDS) {
            Label kind = new Label();
            kind.textProperty().bind(i18n.bind("kiosk.devices.kind." + k.name()));
            kind.setMinWidth(USE_PREF_SIZE);
            String setting = devices.setting(k);
            Label device = new Label();
            device.setId("deviceSelfTestDevice-" + k.name());
            if (setting.isEmpty()) {
                device.textProperty().bind(i18n.bind("kiosk.devices.notConfigured"));
            } else {
                device.setText(RtspCamera.isRtsp(setting) ? RtspCamera.redact(setting) : setting);
            }
            device.getStyleClass().add(Styles.MUTED);
            device.setWrapText(true);
            Label result = new Label();
            result.setId("deviceSelfTest-" + k.name());
            result.setWrapText(true);
            result.setMaxWidth(640);
            results.put(k, result);
            grid.addRow(row++, kind, device, result);
        }
        Button run = new Button();
        run.setId("deviceSelfTestRun");
        run.textProperty().bind(i18n.bind("kiosk.devices.run"));
        run.setOnAction(e -> {
            run.setDisable(true);
            results.values().forEach(l -> l.setText(i18n.text("kiosk.devices.running")));
            ctx.tasks().run(tests::configured, list -> {
                for (SelfTestResult r : list) {
                    Label l = results.get(r.kind());
                    l.setText(i18n.text(r.passed() ? "settings.devices.testOk" : "settings.devices.testFail",
                            r.sentence()));
                    l.getStyleClass().remove(Styles.ERROR_TEXT);
                    if (!r.passed()) {
                        l.getStyleClass().add(Styles.ERROR_TEXT);
                    }
                }
                run.setDisable(false);
            }, ex -> {
                results.values().forEach(l -> l.setText(i18n.text("settings.devices.testFail", ex.getMessage())));
                run.setDisable(false);
            });
        });
        HBox actions = new HBox(10, run);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, grid, actions);
        setSpacing(14);
        setPadding(new Insets(20));
        getStyleClass().add(Styles.CARD);
        setMaxSize(980, USE_PREF_SIZE);
        setId("deviceSelfTest");
    }
}
