// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher splash's progress frames, drawn on the app's real splash picture. */
class SplashFramesTest {
    private static final Path SPLASH = Path.of("..", "desktop", "app", "src", "main", "resources", "org", "tixun", "app",
            "splash.png");

    @TempDir
    Path tmp;

    private static int rgb(BufferedImage im, int x, int y) {
        return im.getRGB(x, y) & 0xffffff;
    }

    @Test
    void eachFrameFillsTheBarToItsPercentageAndLeavesTheRestOfThePicture() throws IOException {
        BufferedImage base = ImageIO.read(SPLASH.toFile());
        List<Path> files = SplashFrames.write(SPLASH, tmp, List.of(20, 85));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("splash-20.png", "splash-85.png");
        int mid = SplashFrames.BAR_Y + SplashFrames.BAR_HEIGHT / 2;
        int bar = SplashFrames.BAR.getRGB() & 0xffffff;
        BufferedImage twenty = ImageIO.read(files.get(0).toFile());
        BufferedImage eightyFive = ImageIO.read(files.get(1).toFile());
        int at20 = SplashFrames.BAR_X + SplashFrames.BAR_WIDTH * 20 / 100;
        int at85 = SplashFrames.BAR_X + SplashFrames.BAR_WIDTH * 85 / 100;
        assertThat(rgb(twenty, SplashFrames.BAR_X + 20, mid)).isEqualTo(bar);
        assertThat(rgb(twenty, at20 - 10, mid)).isEqualTo(bar);
        assertThat(rgb(twenty, at20 + 10, mid)).isEqualTo(rgb(base, at20 + 10, mid)).isNotEqualTo(bar);
        assertThat(rgb(eightyFive, at85 - 10, mid)).isEqualTo(bar);
        assertThat(rgb(eightyFive, at85 + 10, mid)).isEqualTo(rgb(base, at85 + 10, mid));
        // Outside the bar the frame is the picture.
        for (int[] p : new int[][] {{5, 5}, {100, 60}, {200, 110}, {260, 170}}) {
            assertThat(rgb(eightyFive, p[0], p[1])).isEqualTo(rgb(base, p[0], p[1]));
        }
    }

    @Test
    void aPictureOfAnotherSizeIsRefusedNamingIt() throws IOException {
        Path other = tmp.resolve("other.png");
        ImageIO.write(new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB), "png", other.toFile());
        assertThatThrownBy(() -> SplashFrames.write(other, tmp, List.of(50))).isInstanceOf(IOException.class)
                .hasMessageContaining("300x100").hasMessageContaining("520x200");
    }
}
