// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.List;
import java.util.Objects;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;

/**
 * A configured device cannot be used: none is configured, the configured one is not there, or it failed. The message
 * says what is wrong and what to do ({@link #message(java.util.Locale)} in the reader's language, {@link #getMessage()}
 * 「中文 (English)」). The caller shows it and waits; it never substitutes another source (a sample image, a simulator
 * or a test tone).
 */
public final class DeviceUnavailableException extends RuntimeException implements Localized {
    private static final long serialVersionUID = 1L;

    private final DeviceKind kind;
    private final String device;
    private final transient Message problem;
    private final transient Message remedy;

    /**
     * A device problem.
     *
     * @param kind which kind of device
     * @param device the configured device (name, port, URL without password, library path), or "" if none
     * @param problem what is wrong (no final full stop)
     * @param remedy what to do
     * @param cause the underlying failure, or null
     */
    public DeviceUnavailableException(DeviceKind kind, String device, Message problem, Message remedy,
            Throwable cause) {
        super(DeviceMessages.of("device.problemAndRemedy", problem, remedy).bilingual(), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.device = device == null ? "" : device;
        this.problem = problem;
        this.remedy = remedy;
    }

    /**
     * A device problem worded inline in both languages.
     *
     * @deprecated pass {@link Message}s from the module's bundle
     */
    @Deprecated
    public DeviceUnavailableException(DeviceKind kind, String device, String problemZh, String problemEn,
            String remedyZh, String remedyEn, Throwable cause) {
        this(kind, device, Message.untranslated(problemZh + " (" + problemEn + ")"),
                Message.untranslated(remedyZh + " (" + remedyEn + ")"), cause);
    }

    /** Nothing is configured for {@code kind}. */
    public static DeviceUnavailableException notConfigured(DeviceKind kind) {
        return new DeviceUnavailableException(kind, "", DeviceMessages.of("device.notConfigured", kind),
                DeviceMessages.of("device.notConfigured.remedy", kind), null);
    }

    /** The configured device is not among those found on this computer. */
    public static DeviceUnavailableException notFound(DeviceKind kind, String device, List<String> found) {
        Message list = found.isEmpty() ? DeviceMessages.of("device.noneFound", kind)
                : DeviceMessages.of("device.found", found);
        return new DeviceUnavailableException(kind, device, DeviceMessages.of("device.notFound", kind, device, list),
                DeviceMessages.of("device.notFound.remedy"), null);
    }

    /**
     * The configured device was found but failed; {@code cause} says how (a cause worded 「中文 (English)」 shows the
     * half of the reader's language).
     */
    public static DeviceUnavailableException failed(DeviceKind kind, String device, Throwable cause) {
        return new DeviceUnavailableException(kind, device, DeviceMessages.of("device.failed", kind, device, cause),
                DeviceMessages.of("device.failed.remedy"), cause);
    }

    /** The setting names something production may not use (a simulator, a test tone, an unknown form). */
    public static DeviceUnavailableException refused(DeviceKind kind, String device, Message reason) {
        return new DeviceUnavailableException(kind, device, reason, DeviceMessages.of("device.refused.remedy", kind),
                null);
    }

    public DeviceKind kind() {
        return kind;
    }

    /** The configured device, or "" when none is configured. */
    public String device() {
        return device;
    }

    /** What is wrong and what to do. */
    @Override
    public Message message() {
        return problem == null ? Message.untranslated(getMessage())
                : DeviceMessages.of("device.problemAndRemedy", problem, remedy);
    }

    /** What is wrong. */
    public Message problem() {
        return problem == null ? message() : problem;
    }

    /** What to do. */
    public Message remedy() {
        return remedy == null ? message() : remedy;
    }

    public String problemZh() {
        return problem().chinese();
    }

    public String problemEn() {
        return problem().english();
    }

    public String remedyZh() {
        return remedy().chinese();
    }

    public String remedyEn() {
        return remedy().english();
    }
}
