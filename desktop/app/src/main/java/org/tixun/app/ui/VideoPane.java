// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.VideoFrame;
import org.tixun.app.i18n.I18n;

/**
 * Two-way video with picture-in-picture: the remote party large, our own camera small in the corner, a clock
 * overlay. Frames arrive on media threads; only the newest per direction is kept and painted once per display pulse
 * (at most the display rate), on the FX thread.
 */
public final class VideoPane extends StackPane implements MediaSink {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final AtomicReference<VideoFrame> remote = new AtomicReference<>();
    private final AtomicReference<VideoFrame> local = new AtomicReference<>();
    private final ImageView remoteView = new ImageView();
    private final ImageView localView = new ImageView();
    private final Label clock = new Label();
    private final Label placeholder = new Label();
    private WritableImage remoteImage;
    private WritableImage localImage;
    private long painted;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint();
        }
    };

    public VideoPane(I18n i18n) {
        setId("videoPane");
        getStyleClass().add("video-pane");
        setStyle("-fx-background-color: #101418;");
        setMinSize(320, 200);
        // Never draws outside its own region (a column narrower than the picture crops it, it does not spill over).
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        remoteView.setPreserveRatio(true);
        remoteView.fitWidthProperty().bind(widthProperty());
        remoteView.fitHeightProperty().bind(heightProperty());
        localView.setPreserveRatio(true);
        localView.fitWidthProperty().bind(widthProperty().multiply(0.28));
        localView.setStyle("-fx-effect: dropshadow(gaussian, black, 6, 0.5, 0, 0);");
        StackPane.setAlignment(localView, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(localView, new Insets(8));
        clock.setId("videoClock");
        clock.setStyle("-fx-text-fill: white; -fx-background-color: rgba(0,0,0,0.55); -fx-padding: 2 6 2 6;"
                + " -fx-font-family: monospace;");
        StackPane.setAlignment(clock, Pos.TOP_LEFT);
        StackPane.setMargin(clock, new Insets(8));
        placeholder.textProperty().bind(i18n.bind("session.video.none"));
        placeholder.setStyle("-fx-text-fill: #9aa5b1;");
        getChildren().addAll(placeholder, remoteView, localView, clock);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    @Override
    public void video(Direction direction, VideoFrame frame) {
        (direction == Direction.REMOTE ? remote : local).set(frame);
    }

    @Override
    public void audio(Direction direction, AudioChunk chunk) {
        // Audio is played by the media engine; the picture does not need it.
    }

    /** Frames painted so far (both directions). */
    public long painted() {
        return painted;
    }

    private void paint() {
        clock.setText(LocalTime.now().format(CLOCK));
        VideoFrame r = remote.getAndSet(null);
        if (r != null) {
            remoteImage = SwingFXUtils.toFXImage(r.image(), fits(remoteImage, r) ? remoteImage : null);
            remoteView.setImage(remoteImage);
            placeholder.setVisible(false);
            painted++;
        }
        VideoFrame l = local.getAndSet(null);
        if (l != null) {
            localImage = SwingFXUtils.toFXImage(l.image(), fits(localImage, l) ? localImage : null);
            localView.setImage(localImage);
            painted++;
        }
    }

    private static boolean fits(WritableImage img, VideoFrame f) {
        return img != null && img.getWidth() == f.image().getWidth() && img.getHeight() == f.image().getHeight();
    }
}
