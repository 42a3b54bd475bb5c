// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A configured device cannot be used: none is configured, the configured one is not there, or it failed. The message
 * says what is wrong and what to do, in Chinese and in English ({@link #getMessage()} carries both, {@link
 * #message(Locale)} one). The caller shows it and waits; it never substitutes another source (a sample image, a
 * simulator or a test tone).
 */
public final class DeviceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DeviceKind kind;
    private final String device;
    private final String problemZh;
    private final String problemEn;
    private final String remedyZh;
    private final String remedyEn;

    /**
     * A device problem.
     *
     * @param kind which kind of device
     * @param device the configured device (name, port, URL without password, library path), or "" if none
     * @param problemZh what is wrong, in Chinese (no final full stop)
     * @param problemEn what is wrong, in English (no final full stop)
     * @param remedyZh what to do, in Chinese
     * @param remedyEn what to do, in English
     * @param cause the underlying failure, or null
     */
    public DeviceUnavailableException(DeviceKind kind, String device, String problemZh, String problemEn,
            String remedyZh, String remedyEn, Throwable cause) {
        super(problemZh + "。" + remedyZh + " (" + problemEn + ". " + remedyEn + ")", cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.device = device == null ? "" : device;
        this.problemZh = problemZh;
        this.problemEn = problemEn;
        this.remedyZh = remedyZh;
        this.remedyEn = remedyEn;
    }

    /** Nothing is configured for {@code kind}. */
    public static DeviceUnavailableException notConfigured(DeviceKind kind) {
        return new DeviceUnavailableException(kind, "", "未配置" + kind.zh(), "no " + kind.en() + " is configured",
                "请管理员在「设置 → 设备」中选择" + kind.zh() + "并点「测试」",
                "an administrator chooses one in Settings → Devices and presses Test", null);
    }

    /** The configured device is not among those found on this computer. */
    public static DeviceUnavailableException notFound(DeviceKind kind, String device, List<String> found) {
        String listZh = found.isEmpty() ? "本机未发现任何" + kind.zh() : "本机发现：" + String.join("、", found);
        String listEn = found.isEmpty() ? "none was found on this computer" : "found: " + String.join(", ", found);
        return new DeviceUnavailableException(kind, device, "未找到" + kind.zh() + "「" + device + "」（" + listZh + "）",
                "the " + kind.en() + " \"" + device + "\" is not connected (" + listEn + ")",
                "请检查连接线和电源，或在「设置 → 设备」中重新选择",
                "check its cable and power, or choose another in Settings → Devices", null);
    }

    /**
     * The configured device was found but failed; {@code cause} says how. A cause worded in this codebase's way,
     * {@code 中文 (English)}, is split so each language carries its own half.
     */
    public static DeviceUnavailableException failed(DeviceKind kind, String device, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String[] zhEn = splitZhEn(detail);
        return new DeviceUnavailableException(kind, device, kind.zh() + "「" + device + "」无法使用：" + zhEn[0],
                "the " + kind.en() + " \"" + device + "\" cannot be used: " + zhEn[1],
                "请检查设备后重试；如仍失败，请在「设置 → 设备」中运行测试",
                "check the device and try again; if it still fails, run its test in Settings → Devices", cause);
    }

    /** The setting names something production may not use (a simulator, a test tone, an unknown form). */
    public static DeviceUnavailableException refused(DeviceKind kind, String device, String reasonZh,
            String reasonEn) {
        return new DeviceUnavailableException(kind, device, reasonZh, reasonEn,
                "请管理员在「设置 → 设备」中选择真实的" + kind.zh(),
                "an administrator chooses a real " + kind.en() + " in Settings → Devices", null);
    }

    /**
     * Splits {@code 中文 (English)} at its last top-level parenthesis into the two halves; a text without Chinese is
     * English only (the Chinese half then names no detail), any other text is used for both.
     */
    static String[] splitZhEn(String text) {
        String t = text.strip();
        boolean chinese = t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (!chinese) {
            return new String[] {"详见英文说明", t};
        }
        if (t.endsWith(")")) {
            int depth = 0;
            for (int i = t.length() - 1; i >= 0; i--) {
                char c = t.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    String zh = t.substring(0, i).strip();
                    String en = t.substring(i + 1, t.length() - 1).strip();
                    boolean enHasChinese = en.codePoints().anyMatch(
                            cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
                    if (!zh.isEmpty() && !en.isEmpty() && !enHasChinese) {
                        return new String[] {zh, en};
                    }
                    break;
                }
            }
        }
        return new String[] {t, t};
    }

    public DeviceKind kind() {
        return kind;
    }

    /** The configured device, or "" when none is configured. */
    public String device() {
        return device;
    }

    /** What is wrong and what to do, in the language of {@code locale} (Chinese unless English). */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? problemEn + ". " + remedyEn : problemZh + "。" + remedyZh;
    }

    public String problemZh() {
        return problemZh;
    }

    public String problemEn() {
        return problemEn;
    }

    public String remedyZh() {
        return remedyZh;
    }

    public String remedyEn() {
        return remedyEn;
    }
}
