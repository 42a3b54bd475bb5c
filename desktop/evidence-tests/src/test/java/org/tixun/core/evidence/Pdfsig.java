// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs poppler's {@code pdfsig} with a throw-away NSS database that trusts the test institution CA
 * (Debian packages poppler-utils and libnss3-tools).
 */
final class Pdfsig {
    private Pdfsig() {
    }

    /** Creates an NSS database under {@code dir} trusting {@code root}; returns the {@code sql:} path. */
    static String nssDatabase(Path dir, X509Certificate root) throws Exception {
        Path db = dir.resolve("nssdb");
        if (!Files.isDirectory(db)) {
            Files.createDirectories(db);
            Path der = dir.resolve("root.der");
            Files.write(der, root.getEncoded());
            run(List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"));
            run(List.of("certutil", "-A", "-d", "sql:" + db, "-n", "tixun-test-root", "-t", "CT,C,C", "-i",
                    der.toString()));
        }
        return "sql:" + db;
    }

    /** Output of {@code pdfsig -nssdir DB FILE}. */
    static String verify(String nssDir, Path pdf) throws Exception {
        return run(List.of("pdfsig", "-nssdir", nssDir, pdf.toString()));
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0 && !command.get(0).equals("pdfsig")) {
            throw new IOException(command + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
