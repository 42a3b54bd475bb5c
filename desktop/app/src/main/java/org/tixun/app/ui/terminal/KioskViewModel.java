// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tixun.app.ui.AppContext;
import org.tixun.core.audit.AuditAction;
import org.tixun.core.store.Settings;
import org.tixun.core.users.PasswordHasher;

/**
 * Terminal kiosk state: leaving the kiosk needs the administrator PIN. Every attempt is audited; after
 * {@value #FREE_ATTEMPTS} wrong PINs in a row each further wrong one locks the exit for a delay that doubles (30 s,
 * 1 min, 2 min, … up to an hour), kept in the settings so a restart does not reset it. The PIN is checked in the
 * background.
 */
public final class KioskViewModel {
    /** Wrong PINs allowed in a row before the exit locks. */
    public static final int FREE_ATTEMPTS = 5;
    /** The first lock-out; each further wrong PIN doubles it. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    /** The longest lock-out. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** Settings key: wrong PINs in a row. */
    static final String FAILURES_SETTING = "kioskexit.failures";
    /** Settings key: the exit is locked until this instant (ISO-8601), or empty. */
    static final String LOCKED_UNTIL_SETTING = "kioskexit.lockedUntil";

    private final AppContext ctx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<LocalText> exitError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> lockedUntil = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper failures = new ReadOnlyIntegerWrapper();

    public KioskViewModel(AppContext ctx, PasswordHasher hasher) {
        this(ctx, hasher, Clock.systemUTC());
    }

    public KioskViewModel(AppContext ctx, PasswordHasher hasher, Clock clock) {
        this.ctx = ctx;
        this.hasher = hasher;
        this.clock = clock;
        Settings settings = ctx.core().settings();
        failures.set(settings.get(FAILURES_SETTING).filter(s -> s.matches("\\d+")).map(Integer::parseInt).orElse(0));
        lockedUntil.set(settings.get(LOCKED_UNTIL_SETTING).filter(s -> !s.isBlank()).map(Instant::parse)
                .filter(t -> t.isAfter(clock.instant())).orElse(null));
    }

    /** The outcome of one attempt. */
    private record Attempt(boolean ok, int failures, Instant lockedUntil, LocalText error) {
    }

    /**
     * Checks the PIN in the background (the array is wiped); on success runs {@code onExit} on the FX thread. While
     * locked the PIN is not checked at all: the attempt is refused and audited.
     */
    public void submit(char[] pin, Runnable onExit) {
        char[] copy = pin.clone();
        Arrays.fill(pin, '\0');
        ctx.tasks().run(() -> attempt(copy), a -> {
            failures.set(a.failures());
            lockedUntil.set(a.lockedUntil());
            exitError.set(a.error());
            if (a.ok()) {
                onExit.run();
            }
        }, e -> exitError.set(new LocalText("terminal.raw", e.getMessage())));
    }

    /** One attempt: check, count, lock, audit (background thread). */
    private synchronized Attempt attempt(char[] pin) {
        try {
            Settings settings = ctx.core().settings();
            Instant now = clock.instant();
            int failed = settings.get(FAILURES_SETTING).filter(s -> s.matches("\\d+")).map(Integer::parseInt)
                    .orElse(0);
            Instant until = settings.get(LOCKED_UNTIL_SETTING).filter(s -> !s.isBlank()).map(Instant::parse)
                    .orElse(null);
            if (until != null && until.isAfter(now)) {
                ctx.core().audit().append(ctx.actor(), AuditAction.KIOSK_EXIT_REFUSED, "kiosk",
                        "locked until " + until + " after " + failed + " wrong PINs; PIN not checked");
                return new Attempt(false, failed, until, new LocalText("kiosk.exit.locked", failed));
            }
            String stored = settings.get(Settings.KIOSK_PIN).orElse(null);
            if (stored == null) {
                ctx.core().audit().append(ctx.actor(), AuditAction.KIOSK_EXIT_REFUSED, "kiosk", "no PIN set");
                return new Attempt(false, failed, null, new LocalText("kiosk.exit.noPin"));
            }
            boolean ok = pin.length > 0 && hasher.verify(pin, stored);
            if (ok) {
                settings.put(FAILURES_SETTING, "0");
                settings.put(LOCKED_UNTIL_SETTING, "");
                ctx.core().audit().append(ctx.actor(), AuditAction.KIOSK_EXIT, "kiosk");
                return new Attempt(true, 0, null, null);
            }
            failed++;
            settings.put(FAILURES_SETTING, Integer.toString(failed));
            ctx.core().audit().append(ctx.actor(), AuditAction.KIOSK_EXIT_REFUSED, "kiosk",
                    "wrong PIN, " + failed + " in a row");
            if (failed < FREE_ATTEMPTS) {
                return new Attempt(false, failed, null, new LocalText("kiosk.exit.wrongPinLeft",
                        FREE_ATTEMPTS - failed));
            }
            Duration delay = delayAfter(failed);
            Instant lock = now.plus(delay);
            settings.put(LOCKED_UNTIL_SETTING, lock.toString());
            ctx.core().audit().append(ctx.actor(), AuditAction.KIOSK_EXIT_LOCKED, "kiosk",
                    failed + " wrong PINs in a row; exit locked for " + delay.toSeconds() + " s until " + lock);
            return new Attempt(false, failed, lock, new LocalText("kiosk.exit.locked", failed));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The lock-out after the {@code failures}-th wrong PIN in a row (none before {@value #FREE_ATTEMPTS}). */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 30);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** Whole seconds left of the lock-out at {@code now} (0 when not locked). */
    public long secondsLocked(Instant now) {
        Instant until = lockedUntil.get();
        if (until == null || !until.isAfter(now)) {
            return 0;
        }
        return (Duration.between(now, until).toMillis() + 999) / 1000;
    }

    /** The clock the lock-out is measured on. */
    public Clock clock() {
        return clock;
    }

    /** Why the last attempt was refused, or null. */
    public ReadOnlyObjectProperty<LocalText> exitErrorProperty() {
        return exitError.getReadOnlyProperty();
    }

    /** Until when the exit is locked, or null. */
    public ReadOnlyObjectProperty<Instant> lockedUntilProperty() {
        return lockedUntil.getReadOnlyProperty();
    }

    /** Wrong PINs in a row. */
    public ReadOnlyIntegerProperty failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    public String institution() {
        return ctx.core().settings().get(Settings.INSTITUTION).orElse("");
    }
}
