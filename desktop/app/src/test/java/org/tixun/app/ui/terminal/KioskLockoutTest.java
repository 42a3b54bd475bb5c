// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.app.TestApp;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.core.services.CoreServices;
import org.tixun.core.audit.AuditEntry;
import org.tixun.core.store.Settings;

/** Leaving the kiosk: five wrong PINs are allowed, then each wrong one locks the exit longer; all of it audited. */
class KioskLockoutTest {
    @TempDir
    Path dir;
    private CoreServices core;
    private AppContext ctx;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:00:00Z"));
    private final AtomicInteger exits = new AtomicInteger();

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void open() {
        core = TestApp.core(dir);
        core.settings().put(Settings.KIOSK_PIN, TestApp.FAST.hash("135790".toCharArray()));
        ctx = TestApp.context(core, I18n.CHINESE, true);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private KioskViewModel vm() {
        return new KioskViewModel(ctx, TestApp.FAST, clock);
    }

    private void attempt(KioskViewModel vm, String pin) {
        vm.submit(pin.toCharArray(), exits::incrementAndGet);
    }

    private List<String> actions() {
        return core.audit().entries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void delaysGrowAfterFiveWrongPins() {
        assertThat(KioskViewModel.delayAfter(4)).isZero();
        assertThat(KioskViewModel.delayAfter(5)).hasSeconds(30);
        assertThat(KioskViewModel.delayAfter(6)).hasSeconds(60);
        assertThat(KioskViewModel.delayAfter(7)).hasSeconds(120);
        assertThat(KioskViewModel.delayAfter(12)).hasSeconds(3600);
        assertThat(KioskViewModel.delayAfter(1_000)).hasSeconds(3600);
    }

    @Test
    void fiveWrongPinsLockTheExitAndTheRightPinWaitsForTheDelay() {
        KioskViewModel vm = vm();
        for (int i = 1; i <= 4; i++) {
            attempt(vm, "000000");
            assertThat(vm.lockedUntilProperty().get()).as("attempt %d", i).isNull();
            assertThat(vm.exitErrorProperty().get().resolve(ctx.i18n())).contains("PIN 不正确")
                    .contains("再错 " + (5 - i) + " 次");
        }
        attempt(vm, "000000");
        assertThat(vm.lockedUntilProperty().get()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(vm.secondsLocked(clock.instant())).isEqualTo(30);
        assertThat(vm.exitErrorProperty().get().resolve(ctx.i18n())).contains("连续错误 5 次");

        // Locked: even the right PIN is not checked, and the refusal is audited.
        clock.advance(Duration.ofSeconds(29));
        attempt(vm, "135790");
        assertThat(exits).hasValue(0);
        assertThat(actions()).endsWith("KIOSK_EXIT_LOCKED", "KIOSK_EXIT_REFUSED");
        assertThat(core.audit().entries().get(core.audit().entries().size() - 1).details()).contains("not checked");

        // After the delay a wrong PIN locks for twice as long.
        clock.advance(Duration.ofSeconds(2));
        attempt(vm, "111111");
        assertThat(vm.failuresProperty().get()).isEqualTo(6);
        assertThat(vm.lockedUntilProperty().get()).isEqualTo(clock.instant().plusSeconds(60));

        // A restarted kiosk is still locked (the state is in the settings).
        KioskViewModel restarted = vm();
        assertThat(restarted.secondsLocked(clock.instant())).isEqualTo(60);
        clock.advance(Duration.ofSeconds(61));
        attempt(restarted, "135790");
        assertThat(exits).hasValue(1);
        assertThat(restarted.failuresProperty().get()).isZero();
        assertThat(actions()).endsWith("KIOSK_EXIT");
        assertThat(actions().stream().filter("KIOSK_EXIT_REFUSED"::equals)).hasSize(7);
        assertThat(actions().stream().filter("KIOSK_EXIT_LOCKED"::equals)).hasSize(2);
        assertThat(core.audit().verify().intact()).isTrue();

        // The right PIN reset the count: five more wrong ones before the next lock.
        for (int i = 0; i < 4; i++) {
            attempt(restarted, "000000");
        }
        assertThat(restarted.lockedUntilProperty().get()).isNull();
    }
}
