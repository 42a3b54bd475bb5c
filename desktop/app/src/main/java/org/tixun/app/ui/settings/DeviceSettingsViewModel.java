// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.settings;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import org.tixun.core.devices.DeviceChoice;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.SelfTestResult;
import org.tixun.core.devices.camera.RtspCamera;
import org.tixun.core.devices.config.ConfiguredDevices;
import org.tixun.core.devices.config.ConfiguredTsa;
import org.tixun.core.devices.config.DeviceDiscovery;
import org.tixun.core.devices.config.DeviceSelfTests;
import org.tixun.core.devices.config.DeviceSettings;
import org.tixun.core.devices.fingerprint.FingerprintReaders;
import org.tixun.core.store.Settings;

/**
 * The devices part of Settings: the cameras, microphones, signature pads and fingerprint readers found on this
 * computer as choices, an IP camera's RTSP URL and a GA/T 626.1 library path where a device cannot be discovered,
 * the time-stamp authority and the GM track; a self-test per device on the values chosen (before saving).
 */
public final class DeviceSettingsViewModel {
    /** Camera choice standing for "an IP camera, URL below". */
    public static final String RTSP = "rtsp://";
    /** Fingerprint choice standing for "a GA/T 626.1 library, path below". */
    public static final String LIVESCAN = FingerprintReaders.LIVESCAN;
    /** Choice standing for "none". */
    public static final String NONE = "";

    /** Which time-stamp authority. */
    public enum TsaMode {
        INSTITUTION,
        EXTERNAL
    }

    private final AppContext ctx;
    private final DeviceDiscovery discovery;
    private final DeviceSelfTests selfTests;
    private final Map<DeviceKind, ObservableList<DeviceChoice>> lists = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, ObjectProperty<DeviceChoice>> chosen = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, ReadOnlyStringWrapper> results = new EnumMap<>(DeviceKind.class);
    private final StringProperty rtspUrl = new SimpleStringProperty("");
    private final StringProperty livescanPath = new SimpleStringProperty("");
    private final ObjectProperty<TsaMode> tsaMode = new SimpleObjectProperty<>(TsaMode.INSTITUTION);
    private final StringProperty tsaUrl = new SimpleStringProperty("");
    private final StringProperty tsaAnchorFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper tsaAnchor = new ReadOnlyStringWrapper("");
    private final BooleanProperty gm = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper discovering = new ReadOnlyBooleanWrapper();
    private String tsaAnchorPem;

    public DeviceSettingsViewModel(AppContext ctx) {
        this(ctx, new DeviceDiscovery());
    }

    /** With another discovery (tests list devices from another sysfs tree). */
    public DeviceSettingsViewModel(AppContext ctx, DeviceDiscovery discovery) {
        this.ctx = ctx;
        this.discovery = discovery;
        Settings s = ctx.core().settings();
        this.selfTests = new DeviceSelfTests(new ConfiguredDevices(s, discovery));
        for (DeviceKind k : DeviceKind.values()) {
            lists.put(k, FXCollections.observableArrayList());
            chosen.put(k, new SimpleObjectProperty<>());
            results.put(k, new ReadOnlyStringWrapper(""));
        }
        String camera = DeviceSettings.get(s, DeviceSettings.CAMERA);
        if (RtspCamera.isRtsp(camera)) {
            rtspUrl.set(camera);
        }
        String fingerprint = DeviceSettings.get(s, DeviceSettings.FINGERPRINT);
        if (fingerprint.startsWith(LIVESCAN)) {
            livescanPath.set(fingerprint.substring(LIVESCAN.length()));
        }
        tsaMode.set(DeviceSettings.TSA_EXTERNAL.equals(DeviceSettings.get(s, DeviceSettings.TSA_MODE))
                ? TsaMode.EXTERNAL : TsaMode.INSTITUTION);
        tsaUrl.set(DeviceSettings.get(s, DeviceSettings.TSA_URL));
        tsaAnchorPem = DeviceSettings.get(s, DeviceSettings.TSA_TRUST_ANCHOR);
        tsaAnchor.set(describeAnchor(tsaAnchorPem));
        gm.set(DeviceSettings.gmEnabled(s));
        fill(new EnumMap<>(DeviceKind.class));
    }

    /** Lists the devices again (in the background) keeping the choices made. */
    public void refresh() {
        discovering.set(true);
        ctx.tasks().run(() -> {
            Map<DeviceKind, List<DeviceChoice>> found = new EnumMap<>(DeviceKind.class);
            for (DeviceKind k : List.of(DeviceKind.CAMERA, DeviceKind.MICROPHONE, DeviceKind.SIGNATURE_PAD,
                    DeviceKind.FINGERPRINT_READER)) {
                found.put(k, discovery.of(k));
            }
            return found;
        }, found -> {
            fill(found);
            discovering.set(false);
        }, e -> {
            discovering.set(false);
            results.get(DeviceKind.CAMERA).set(ctx.i18n().text("settings.devices.testFail", e.getMessage()));
        });
    }

    /** Rebuilds the lists from what was found; a saved device that is not connected stays, marked as such. */
    private void fill(Map<DeviceKind, List<DeviceChoice>> found) {
        Settings s = ctx.core().settings();
        for (DeviceKind k : List.of(DeviceKind.CAMERA, DeviceKind.MICROPHONE, DeviceKind.SIGNATURE_PAD,
                DeviceKind.FINGERPRINT_READER)) {
            String current = selected(k);
            if (current == null) {
                current = switch (k) {
                    case CAMERA -> {
                        String c = DeviceSettings.get(s, DeviceSettings.CAMERA);
                        yield RtspCamera.isRtsp(c) ? RTSP : c;
                    }
                    case MICROPHONE -> DeviceSettings.get(s, DeviceSettings.MICROPHONE);
                    case SIGNATURE_PAD -> DeviceSettings.pad(s);
                    default -> {
                        String f = DeviceSettings.get(s, DeviceSettings.FINGERPRINT);
                        yield f.startsWith(LIVESCAN) ? LIVESCAN : f;
                    }
                };
            }
            List<DeviceChoice> items = new ArrayList<>();
            items.add(new DeviceChoice(k, NONE, ""));
            items.addAll(found.getOrDefault(k, List.of()));
            if (k == DeviceKind.CAMERA) {
                items.add(new DeviceChoice(k, RTSP, RTSP));
            }
            if (k == DeviceKind.FINGERPRINT_READER) {
                items.add(new DeviceChoice(k, LIVESCAN, LIVESCAN));
            }
            String want = current;
            if (items.stream().noneMatch(c -> c.id().equals(want))) {
                items.add(new DeviceChoice(k, want, ctx.i18n().text("settings.devices.notConnected", want)));
            }
            lists.get(k).setAll(items);
            chosen.get(k).set(items.stream().filter(c -> c.id().equals(want)).findFirst().orElse(items.get(0)));
        }
    }

    private String selected(DeviceKind k) {
        DeviceChoice c = chosen.get(k).get();
        return c == null ? null : c.id();
    }

    /** The camera setting the choices make: the chosen camera's name, the RTSP URL, or "". */
    public String cameraSetting() {
        String id = selected(DeviceKind.CAMERA);
        return RTSP.equals(id) ? rtspUrl.get().trim() : id == null ? "" : id;
    }

    /** The fingerprint setting the choices make: a libfprint device, {@code livescan:PATH}, or "". */
    public String fingerprintSetting() {
        String id = selected(DeviceKind.FINGERPRINT_READER);
        if (LIVESCAN.equals(id)) {
            String p = livescanPath.get().trim();
            return p.isEmpty() ? "" : LIVESCAN + p;
        }
        return id == null ? "" : id;
    }

    /** The setting value of a kind as chosen. */
    public String setting(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> cameraSetting();
            case FINGERPRINT_READER -> fingerprintSetting();
            case TIME_STAMP -> tsaUrl.get().trim();
            default -> {
                String id = selected(kind);
                yield id == null ? "" : id;
            }
        };
    }

    /** Runs the self-test of a kind on the values chosen; the result appears in {@link #resultProperty}. */
    public void test(DeviceKind kind) {
        ReadOnlyStringWrapper result = results.get(kind);
        result.set(ctx.i18n().text("settings.devices.testing"));
        String setting = setting(kind);
        String anchor = kind == DeviceKind.TIME_STAMP ? anchorPemForTest() : null;
        Callable<SelfTestResult> work = switch (kind) {
            case CAMERA -> () -> selfTests.camera(setting);
            case MICROPHONE -> () -> selfTests.microphone(setting);
            case SIGNATURE_PAD -> () -> selfTests.pad(setting, java.time.Duration.ZERO);
            case FINGERPRINT_READER -> () -> selfTests.fingerprintReader(setting, java.time.Duration.ZERO);
            case TIME_STAMP -> () -> selfTests.externalTsa(setting, anchor);
        };
        ctx.tasks().run(work, r -> result.set(ctx.i18n().text(r.passed() ? "settings.devices.testOk"
                : "settings.devices.testFail", r.sentence())),
                e -> result.set(ctx.i18n().text("settings.devices.testFail", e.getMessage())));
    }

    /** The trust anchor to test with: the file named now, else the one already imported. */
    private String anchorPemForTest() {
        String file = tsaAnchorFile.get().trim();
        if (!file.isEmpty()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
        return tsaAnchorPem;
    }

    /** Checks the values that are typed; puts a message per field into {@code errors}. */
    public void validate(ObservableMap<String, String> errors) {
        if (RTSP.equals(selected(DeviceKind.CAMERA)) && !RtspCamera.isRtsp(rtspUrl.get())) {
            errors.put("rtspUrl", ctx.i18n().text("settings.devices.rtspInvalid"));
        }
        if (LIVESCAN.equals(selected(DeviceKind.FINGERPRINT_READER)) && livescanPath.get().isBlank()) {
            errors.put("livescanPath", ctx.i18n().text("settings.devices.livescanMissing"));
        }
        if (tsaMode.get() == TsaMode.EXTERNAL) {
            String url = tsaUrl.get().trim();
            boolean ok;
            try {
                URI u = URI.create(url);
                ok = u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme())
                        || "https".equalsIgnoreCase(u.getScheme()));
            } catch (IllegalArgumentException e) {
                ok = false;
            }
            if (!ok) {
                errors.put("tsaUrl", ctx.i18n().text("settings.tsa.urlInvalid"));
            }
            String file = tsaAnchorFile.get().trim();
            if (!file.isEmpty()) {
                try {
                    String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
                    ConfiguredTsa.parseAnchor(url, pem);
                } catch (IOException | RuntimeException e) {
                    errors.put("tsaAnchor", ctx.i18n().text("settings.tsa.anchorInvalid", file,
                            e instanceof DeviceUnavailableException d ? d.message(ctx.i18n().locale())
                                    : e.getMessage()));
                }
            } else if (tsaAnchorPem.isEmpty()) {
                errors.put("tsaAnchor", ctx.i18n().text("settings.tsa.anchorMissing"));
            }
        }
    }

    /** Stores the choices (call after {@link #validate} found nothing); returns a line for the audit log. */
    public String save(Settings s) throws IOException {
        String file = tsaAnchorFile.get().trim();
        if (tsaMode.get() == TsaMode.EXTERNAL && !file.isEmpty()) {
            tsaAnchorPem = Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
            tsaAnchorFile.set("");
            tsaAnchor.set(describeAnchor(tsaAnchorPem));
        }
        s.put(DeviceSettings.CAMERA, cameraSetting());
        s.put(DeviceSettings.MICROPHONE, setting(DeviceKind.MICROPHONE));
        String pad = setting(DeviceKind.SIGNATURE_PAD);
        s.put(DeviceSettings.PAD, pad);
        // The workstation's signing window still reads the earlier key until it is wired to the device factory.
        s.put(Settings.WORKSTATION_PAD, pad);
        s.put(DeviceSettings.FINGERPRINT, fingerprintSetting());
        s.put(DeviceSettings.TSA_MODE, tsaMode.get() == TsaMode.EXTERNAL ? DeviceSettings.TSA_EXTERNAL
                : DeviceSettings.TSA_INSTITUTION);
        s.put(DeviceSettings.TSA_URL, tsaUrl.get().trim());
        s.put(DeviceSettings.TSA_TRUST_ANCHOR, tsaAnchorPem);
        s.put(DeviceSettings.GM_ENABLED, Boolean.toString(gm.get()));
        return "camera=" + RtspCamera.redact(cameraSetting()) + " microphone=" + setting(DeviceKind.MICROPHONE)
                + " pad=" + pad + " fingerprint=" + fingerprintSetting() + " tsa="
                + tsaMode.get().name().toLowerCase(Locale.ROOT) + (tsaMode.get() == TsaMode.EXTERNAL ? " "
                + tsaUrl.get().trim() : "") + " gm=" + gm.get();
    }

    private String describeAnchor(String pem) {
        if (pem == null || pem.isBlank()) {
            return ctx.i18n().text("settings.tsa.anchorNone");
        }
        try {
            return ConfiguredTsa.parseAnchor("", pem).getSubjectX500Principal().getName();
        } catch (DeviceUnavailableException e) {
            return e.message(ctx.i18n().locale());
        }
    }

    /** The devices found of a kind, with "none" first and the RTSP/LIVESCAN entries last. */
    public ObservableList<DeviceChoice> choices(DeviceKind kind) {
        return lists.get(kind);
    }

    /** The chosen device of a kind. */
    public ObjectProperty<DeviceChoice> choiceProperty(DeviceKind kind) {
        return chosen.get(kind);
    }

    /** The last self-test's result of a kind. */
    public ReadOnlyStringProperty resultProperty(DeviceKind kind) {
        return results.get(kind).getReadOnlyProperty();
    }

    public StringProperty rtspUrlProperty() {
        return rtspUrl;
    }

    public StringProperty livescanPathProperty() {
        return livescanPath;
    }

    public ObjectProperty<TsaMode> tsaModeProperty() {
        return tsaMode;
    }

    public StringProperty tsaUrlProperty() {
        return tsaUrl;
    }

    /** A PEM file to import as the external TSA's trust anchor (read at saving). */
    public StringProperty tsaAnchorFileProperty() {
        return tsaAnchorFile;
    }

    /** The subject of the trust anchor already imported, or a note that there is none. */
    public ReadOnlyStringProperty tsaAnchorProperty() {
        return tsaAnchor.getReadOnlyProperty();
    }

    public BooleanProperty gmProperty() {
        return gm;
    }

    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering.getReadOnlyProperty();
    }
}
