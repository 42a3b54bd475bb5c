// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.services.CoreServices;
import org.tixun.core.TestCore;
import org.tixun.core.audit.AuditEntry;

class UserServiceTest {
    @TempDir
    Path dir;

    @Test
    void storesArgon2idHashAndAuthenticates() {
        try (CoreServices core = TestCore.open(dir)) {
            core.users().add("setup", "zhangwei", "张伟", Role.PROSECUTOR, "correct horse".toCharArray());
            String stored = core.database().withConnection(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT password_hash FROM app_user")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain("correct horse");
            assertThat(core.users().authenticate("zhangwei", "correct horse".toCharArray())).isPresent()
                    .get().extracting(User::role).isEqualTo(Role.PROSECUTOR);
            assertThat(core.users().authenticate("zhangwei", "wrong password".toCharArray())).isEmpty();
            assertThat(core.users().authenticate("nobody", "correct horse".toCharArray())).isEmpty();
            assertThat(core.audit().entries()).extracting(AuditEntry::action)
                    .containsExactly("USER_ADDED", "LOGIN", "LOGIN_FAILED", "LOGIN_FAILED");
        }
    }

    @Test
    void rejectsBadInputWithReasons() {
        try (CoreServices core = TestCore.open(dir)) {
            assertThatThrownBy(() -> core.users().add("a", "Bad Name", "x", Role.CLERK, "12345678".toCharArray()))
                    .hasMessageContaining("Invalid user name");
            assertThatThrownBy(() -> core.users().add("a", "ok", "x", Role.CLERK, "short".toCharArray()))
                    .hasMessageContaining("too short");
            core.users().add("a", "ok", "x", Role.CLERK, "12345678".toCharArray());
            assertThatThrownBy(() -> core.users().add("a", "ok", "y", Role.CLERK, "12345678".toCharArray()))
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void defaultHasherRoundTrips() {
        PasswordHasher h = PasswordHasher.DEFAULT;
        String hash = h.hash("密码-password".toCharArray());
        assertThat(hash).contains("m=19456,t=2,p=1");
        assertThat(h.verify("密码-password".toCharArray(), hash)).isTrue();
        assertThat(h.verify("密码-passworD".toCharArray(), hash)).isFalse();
    }

    @Test
    void rolesMapToModes() {
        assertThat(Role.PROSECUTOR.mayUse(AppMode.WORKSTATION)).isTrue();
        assertThat(Role.PROSECUTOR.mayUse(AppMode.ARCHIVE)).isFalse();
        assertThat(Role.CLERK.mayUse(AppMode.ARCHIVE)).isTrue();
        assertThat(Role.TERMINAL_OFFICER.mayUse(AppMode.TERMINAL)).isTrue();
        assertThat(Role.ADMINISTRATOR.mayUse(AppMode.TERMINAL)).isTrue();
    }
}
