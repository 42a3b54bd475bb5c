// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The institution keys work from a PKCS#11 token (SoftHSM 2, Debian package softhsm2) through SunPKCS11. */
class Pkcs11TokenTest {
    static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @TempDir
    Path dir;

    private String run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return "exit=" + p.exitValue() + "\n" + out;
    }

    @Test
    void sealsAndVerifiesWithKeysOnASoftHsmToken() throws Exception {
        Assumptions.assumeTrue(Files.exists(SOFTHSM), "Debian package softhsm2 is not installed");
        Path p12 = dir.resolve("institution.p12");
        InstitutionKeyStore.create(p12, "p12-pass".toCharArray(), "令牌测试检察院");
        Files.createDirectories(dir.resolve("tokens"));
        Path conf = Files.writeString(dir.resolve("softhsm2.conf"), "directories.tokendir = " + dir.resolve("tokens")
                + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Path cfg = Files.writeString(dir.resolve("pkcs11.cfg"), "name = TixunTest\nlibrary = " + SOFTHSM
                + "\nslotListIndex = 0\n");
        Map<String, String> env = Map.of("SOFTHSM2_CONF", conf.toString());
        assertThat(run(env, List.of("softhsm2-util", "--init-token", "--free", "--label", "tixun", "--pin", "1234",
                "--so-pin", "5678"))).startsWith("exit=0");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        assertThat(run(env, List.of(keytool, "-importkeystore", "-srckeystore", p12.toString(), "-srcstoretype",
                "PKCS12", "-srcstorepass", "p12-pass", "-destkeystore", "NONE", "-deststoretype", "PKCS11",
                "-providerClass", "sun.security.pkcs11.SunPKCS11", "-providerArg", cfg.toString(), "-deststorepass",
                "1234"))).startsWith("exit=0").contains("5 entries successfully imported");
        String out = run(env, org.tixun.core.ChildJvms.command(Pkcs11SealMain.class, cfg.toString(),
                dir.toString()));
        assertThat(out).as(out).startsWith("exit=0").contains("wrong PIN refused").contains("sealed on token")
                .contains("verified: all checks passed");
    }
}
