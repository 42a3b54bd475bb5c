// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.tixun.app.i18n.I18n;

/**
 * The small window shown while the app starts (store, keys, demo link, first screen): the app's name, what it is
 * doing and a progress bar. Built without the theme (which loads after it is up), so it paints within the first
 * frames; {@link #step} may be called from any thread.
 */
public final class Splash implements StartProgress {
    /** Style of the splash, inline because it is shown before the stylesheets are parsed. */
    private static final String STYLE = "-fx-background-color: #f6f8fa; -fx-border-color: #d0d7de;"
            + " -fx-border-width: 1; -fx-font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei',"
            + " 'Noto Serif SC', sans-serif;";

    private final Stage stage;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final I18n i18n;

    private Splash(I18n i18n) {
        this.i18n = i18n;
        stage = new Stage(StageStyle.UNDECORATED);
        Label name = new Label(i18n.text("app.name"));
        name.setStyle("-fx-font-size: 26px; -fx-font-weight: bold; -fx-text-fill: #0969da;");
        Label tagline = new Label(i18n.text("splash.tagline"));
        tagline.setStyle("-fx-font-size: 14px; -fx-text-fill: #57606a;");
        HBox title = new HBox(12, name, tagline);
        title.setAlignment(Pos.BASELINE_LEFT);
        status.setId("splashStatus");
        status.setStyle("-fx-font-size: 13px; -fx-text-fill: #24292f;");
        progress.setId("splashProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(18, title, status, progress);
        box.setPadding(new Insets(28, 32, 28, 32));
        box.setAlignment(Pos.CENTER_LEFT);
        box.setStyle(STYLE);
        var icon = Splash.class.getResourceAsStream("/org/tixun/app/icon.png");
        if (icon != null) {
            Image image = new Image(icon);
            stage.getIcons().add(image);
            ImageView view = new ImageView(image);
            view.setFitHeight(40);
            view.setPreserveRatio(true);
            title.getChildren().add(0, view);
        }
        stage.setScene(new Scene(box, 520, 200));
        stage.setTitle(i18n.text("splash.title"));
        stage.centerOnScreen();
    }

    /** Shows the splash (FX thread). */
    public static Splash show(I18n i18n) {
        Splash s = new Splash(i18n);
        s.status.setText(i18n.text("splash.starting"));
        s.stage.show();
        return s;
    }

    /** Says what is being done and how far along start-up is (0..1); any thread. */
    @Override
    public void step(double fraction, String key) {
        String text = i18n.text(key);
        Runnable r = () -> {
            status.setText(text);
            progress.setProgress(fraction);
        };
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Closes it (FX thread). */
    @Override
    public void close() {
        stage.close();
    }

    /** The splash's window (tests). */
    public Stage stage() {
        return stage;
    }
}
