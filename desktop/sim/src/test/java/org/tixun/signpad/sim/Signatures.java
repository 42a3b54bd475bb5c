// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.tixun.signpad.ink.InkFormat;
import org.tixun.signpad.ink.InkPoint;

/** Loads the shipped demo signatures in tests. */
public final class Signatures {

    private Signatures() {
    }

    /** Copies resource {@code name} (e.g. {@code wang-feng.csv}) into {@code dir} and returns its path. */
    public static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = SimulatedPad.class.getResourceAsStream("signatures/" + name)) {
            if (in == null) {
                throw new IOException("missing resource signatures/" + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public static List<InkPoint> load(String name, Path dir) throws IOException {
        return InkFormat.read(copy(name, dir));
    }
}
