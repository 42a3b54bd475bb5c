// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.shell;

import java.awt.SplashScreen;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's splash picture ({@code java -splash:splash.png}, shown by the JVM before any class loads), kept up
 * until the first screen is painted. Replaces the JavaFX {@link Splash} when the launcher shows one: no second window,
 * and the JavaFX thread is free to build the first screen. The picture says 「正在启动…」 (Starting…); each step shows
 * the frame {@code splash-<percent>.png} beside it when there is one (the app-image has them, drawn at build time by
 * installer's {@code SplashFrames}), which the JVM decodes natively: the bar moves without starting a graphics
 * toolkit in the app (AWT's would race GTK's start on X11).
 */
public final class LauncherSplash implements StartProgress {
    private static final Logger LOG = LoggerFactory.getLogger(LauncherSplash.class);

    private final SplashScreen splash;
    private final URL picture;
    private boolean closed;

    private LauncherSplash(SplashScreen splash) {
        this.splash = splash;
        this.picture = splash.getImageURL();
    }

    /** The launcher's splash if it is showing (none without {@code -splash:}, or headless). */
    public static Optional<LauncherSplash> find() {
        try {
            SplashScreen s = SplashScreen.getSplashScreen();
            return s == null || !s.isVisible() ? Optional.empty() : Optional.of(new LauncherSplash(s));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            LOG.debug("no launcher splash: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The system property the launchers set beside {@code -splash:} to the same picture: the java launcher consumes
     * that option, so neither the JVM's arguments nor its properties show it was given.
     */
    public static final String REQUESTED_PROPERTY = "tixun.splash";

    /**
     * The picture the launcher asked the JVM to show ({@link #REQUESTED_PROPERTY}), if it did: when {@link #find()}
     * then finds no splash showing, the JVM could not show it (the start shows the JavaFX splash instead, later).
     */
    public static Optional<String> requested() {
        return Optional.ofNullable(System.getProperty(REQUESTED_PROPERTY)).filter(s -> !s.isBlank());
    }

    /** The frame for {@code fraction} beside the picture, if the launcher ships it. */
    static Optional<URL> frame(URL picture, double fraction) {
        if (picture == null || !"file".equals(picture.getProtocol())) {
            return Optional.empty();
        }
        int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        try {
            Path file = Path.of(picture.toURI()).resolveSibling("splash-" + percent + ".png");
            return Files.isRegularFile(file) ? Optional.of(file.toUri().toURL()) : Optional.empty();
        } catch (java.net.URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void step(double fraction, String key) {
        Optional<URL> frame = frame(picture, fraction);
        if (frame.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                splash.setImageURL(frame.get());
            } catch (IOException e) {
                LOG.warn("splash frame {} unreadable: {}", frame.get(), e.toString());
            } catch (IllegalStateException e) {
                // Closed meanwhile (the JVM closes it when an AWT window shows): nothing left to draw on.
                closed = true;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                splash.close();
            } catch (IllegalStateException e) {
                LOG.debug("launcher splash already closed");
            }
        }
    }
}
