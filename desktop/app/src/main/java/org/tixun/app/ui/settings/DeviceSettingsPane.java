// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.settings;

import java.io.File;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;

/**
 * The devices section of Settings: one row per kind with the devices found (a list, never a typed spec), the RTSP
 * URL or GA/T 626.1 library path where a device cannot be found by itself, a 「测试」 button and its result; then the
 * time-stamp authority and the GM track.
 */
public final class DeviceSettingsPane extends VBox {
    public DeviceSettingsPane(I18n i18n, DeviceSettingsViewModel vm, javafx.collections.ObservableMap<String, String>
            errors) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("settings.devices.title"));
        title.getStyleClass().add("section-title");
        Button refresh = new Button();
        refresh.setId("settingsDevicesRefresh");
        refresh.textProperty().bind(i18n.bind("settings.devices.refresh"));
        refresh.disableProperty().bind(vm.discoveringProperty());
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(12, title, refresh);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField rtsp = new TextField();
        rtsp.setId("settingsRtspUrl");
        rtsp.setPromptText("rtsp://user:password@192.168.1.64:554/Streaming/Channels/101");
        rtsp.textProperty().bindBidirectional(vm.rtspUrlProperty());
        showWhen(rtsp, vm, DeviceKind.CAMERA, DeviceSettingsViewModel.RTSP);
        TextField livescan = new TextField();
        livescan.setId("settingsLivescanPath");
        livescan.setPromptText("/opt/vendor/lib/libGALSXXYY.so");
        livescan.textProperty().bindBidirectional(vm.livescanPathProperty());
        showWhen(livescan, vm, DeviceKind.FINGERPRINT_READER, DeviceSettingsViewModel.LIVESCAN);

        Label tsaTitle = new Label();
        tsaTitle.textProperty().bind(i18n.bind("settings.tsa.title"));
        tsaTitle.getStyleClass().add("section-title");
        ComboBox<DeviceSettingsViewModel.TsaMode> mode = new ComboBox<>(FXCollections.observableArrayList(
                DeviceSettingsViewModel.TsaMode.values()));
        mode.setId("settingsTsaMode");
        mode.valueProperty().bindBidirectional(vm.tsaModeProperty());
        Forms.localize(i18n, mode, "settings.tsa.mode.");
        mode.setMaxWidth(Double.MAX_VALUE);
        TextField tsaUrl = new TextField();
        tsaUrl.setId("settingsTsaUrl");
        tsaUrl.setPromptText("https://tsa.example.gov.cn/tsa");
        tsaUrl.textProperty().bindBidirectional(vm.tsaUrlProperty());
        Label anchor = new Label();
        anchor.setId("settingsTsaAnchor");
        anchor.setWrapText(true);
        anchor.getStyleClass().add(Styles.MUTED);
        anchor.textProperty().bind(vm.tsaAnchorProperty());
        TextField anchorFile = new TextField();
        anchorFile.setId("settingsTsaAnchorFile");
        anchorFile.promptTextProperty().bind(i18n.bind("settings.tsa.anchorFile"));
        anchorFile.textProperty().bindBidirectional(vm.tsaAnchorFileProperty());
        Button browse = new Button();
        browse.setId("settingsTsaAnchorBrowse");
        browse.textProperty().bind(i18n.bind("settings.tsa.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.tsaAnchorFileProperty().set(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(anchorFile, Priority.ALWAYS);
        HBox anchorRow = new HBox(8, anchorFile, browse);
        VBox external = new VBox(6, Forms.field(i18n, "settings.tsa.url", tsaUrl, errors, "tsaUrl"),
                Forms.field(i18n, "settings.tsa.anchor", new VBox(4, anchor, anchorRow), errors, "tsaAnchor"),
                testRow(i18n, vm, DeviceKind.TIME_STAMP, "settingsTsa"));
        external.visibleProperty().bind(vm.tsaModeProperty().isEqualTo(DeviceSettingsViewModel.TsaMode.EXTERNAL));
        external.managedProperty().bind(external.visibleProperty());
        CheckBox gm = new CheckBox();
        gm.setId("settingsGm");
        gm.textProperty().bind(i18n.bind("settings.gm"));
        gm.selectedProperty().bindBidirectional(vm.gmProperty());

        getChildren().addAll(head,
                row(i18n, vm, DeviceKind.CAMERA, "settingsCamera", "settings.devices.camera", rtsp, errors, "rtspUrl"),
                row(i18n, vm, DeviceKind.MICROPHONE, "settingsMicrophone", "settings.devices.microphone", null, errors,
                        null),
                row(i18n, vm, DeviceKind.SIGNATURE_PAD, "settingsPad", "settings.devices.pad", null, errors, null),
                row(i18n, vm, DeviceKind.FINGERPRINT_READER, "settingsFingerprint", "settings.devices.fingerprint",
                        livescan, errors, "livescanPath"),
                tsaTitle, Forms.field(i18n, "settings.tsa.mode", mode, null, null), external, gm);
        setSpacing(10);
        setId("settingsDevices");
    }

    private static Node row(I18n i18n, DeviceSettingsViewModel vm, DeviceKind kind, String id, String labelKey,
            TextField extra, javafx.collections.ObservableMap<String, String> errors, String errorField) {
        ComboBox<DeviceChoice> combo = new ComboBox<>(vm.choices(kind));
        combo.setId(id);
        combo.valueProperty().bindBidirectional(vm.choiceProperty(kind));
        combo.setConverter(converter(i18n, kind));
        i18n.localeProperty().addListener((o, was, now) -> combo.setConverter(converter(i18n, kind)));
        combo.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, combo);
        if (extra != null) {
            box.getChildren().add(extra);
            box.getChildren().add(Forms.errorLabel(errors, errorField));
        }
        box.getChildren().add(testRow(i18n, vm, kind, id));
        return Forms.field(i18n, labelKey, box, null, null);
    }

    private static HBox testRow(I18n i18n, DeviceSettingsViewModel vm, DeviceKind kind, String id) {
        Button test = new Button();
        test.setId(id + "Test");
        test.textProperty().bind(i18n.bind("settings.devices.test"));
        test.setMinWidth(USE_PREF_SIZE);
        test.setOnAction(e -> vm.test(kind));
        Label result = new Label();
        result.setId(id + "Result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty(kind));
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox row = new HBox(8, test, result);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void showWhen(TextField field, DeviceSettingsViewModel vm, DeviceKind kind, String id) {
        field.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            DeviceChoice c = vm.choiceProperty(kind).get();
            return c != null && c.id().equals(id);
        }, vm.choiceProperty(kind)));
        field.managedProperty().bind(field.visibleProperty());
    }

    private static StringConverter<DeviceChoice> converter(I18n i18n, DeviceKind kind) {
        return Forms.converter(c -> switch (c.id()) {
            case DeviceSettingsViewModel.NONE -> i18n.text(kind == DeviceKind.SIGNATURE_PAD
                    ? "settings.devices.padNone" : "settings.devices.none");
            case DeviceSettingsViewModel.RTSP -> i18n.text("settings.devices.rtsp");
            case DeviceSettingsViewModel.LIVESCAN -> i18n.text("settings.devices.livescan");
            default -> c.label();
        });
    }
}
