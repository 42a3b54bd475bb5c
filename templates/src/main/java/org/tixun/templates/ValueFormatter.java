// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks field values against their type and formats them as printed on the document. */
public final class ValueFormatter {

    /** The time documents are dated in: China Standard Time (UTC+8, no daylight saving). */
    public static final ZoneOffset DOCUMENT_ZONE = ZoneOffset.ofHours(8);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** ISO-8601 local date-time to the minute, optionally with seconds and a fraction. */
    private static final DateTimeFormatter LOCAL = localDateTime().toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** The same with an offset: {@code Z}, {@code +08:00}, {@code +0800} or {@code +08}. */
    private static final List<DateTimeFormatter> OFFSET = List.of(
            localDateTime().appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            localDateTime().appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            localDateTime().appendOffset("+HH", "Z").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATETIME =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private ValueFormatter() {}

    /** Returns whether a value counts as absent (null or blank text). */
    public static boolean isBlank(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    /**
     * Checks a non-blank value against the field's type and rules.
     *
     * @return a sentence describing the problem, or empty if the value is acceptable
     */
    public static Optional<String> check(FieldSpec field, Object value) {
        String wrongType = "Field '" + field.name() + "' must be " + field.type().expected() + ", got "
                + describe(value);
        switch (field.type()) {
            case TEXT, MULTILINE -> {
                if (!(value instanceof String s)) {
                    return Optional.of(wrongType);
                }
                if (field.type() == FieldType.TEXT && s.contains("\n")) {
                    return Optional.of("Field '" + field.name() + "' must be one line of text");
                }
                if (field.maxLength() > 0 && s.codePointCount(0, s.length()) > field.maxLength()) {
                    return Optional.of("Field '" + field.name() + "' is longer than " + field.maxLength() + " characters");
                }
                String unprintable = DocumentFonts.unprintable(s);
                if (!unprintable.isEmpty()) {
                    return Optional.of("Field '" + field.name() + "' contains characters the document font cannot print: "
                            + unprintable);
                }
                if (field.pattern() != null && !s.matches(field.pattern())) {
                    return Optional.of("Field '" + field.name() + "' does not match the pattern " + field.pattern()
                            + ": " + s);
                }
            }
            case DATE -> {
                if (!(value instanceof String s) || parseDate(s) == null) {
                    return Optional.of(wrongType);
                }
            }
            case DATETIME -> {
                if (!(value instanceof String s) || parseDateTime(s) == null) {
                    return Optional.of(wrongType);
                }
            }
            case INTEGER -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    return Optional.of(wrongType);
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    return Optional.of(wrongType);
                }
            }
            case CHOICE -> {
                if (!(value instanceof String s) || field.choices().stream().noneMatch(c -> c.value().equals(s))) {
                    return Optional.of("Field '" + field.name() + "' must be one of "
                            + field.choices().stream().map(Choice::value).toList() + ", got " + describe(value));
                }
            }
            default -> throw new IllegalStateException("Unhandled type " + field.type());
        }
        return Optional.empty();
    }

    /** Formats a valid value for printing; a blank value gives an empty string. */
    public static String format(FieldSpec field, Object value, Lang lang) {
        if (isBlank(value)) {
            return "";
        }
        return switch (field.type()) {
            case TEXT, MULTILINE -> value.toString();
            case INTEGER -> value.toString();
            case DATE -> formatDate(parseDate(value.toString()), lang);
            case DATETIME -> formatDateTime(parseDateTime(value.toString()), lang);
            case BOOLEAN -> Boolean.TRUE.equals(value) ? (lang == Lang.ZH ? "是" : "Yes") : (lang == Lang.ZH ? "否" : "No");
            case CHOICE -> field.choices().stream()
                    .filter(c -> c.value().equals(value))
                    .map(c -> c.label(lang))
                    .findFirst()
                    .orElse(value.toString());
        };
    }

    /** Formats a date as printed on documents: {@code 2026年3月5日} or {@code 5 March 2026}. */
    public static String formatDate(LocalDate date, Lang lang) {
        return lang == Lang.ZH
                ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                : EN_DATE.format(date);
    }

    /** Formats a date-time to the minute: {@code 2026年3月5日9时05分} or {@code 5 March 2026, 09:05}. */
    public static String formatDateTime(LocalDateTime time, Lang lang) {
        return lang == Lang.ZH
                ? formatDate(time.toLocalDate(), lang) + time.getHour() + "时" + String.format(Locale.ROOT, "%02d", time.getMinute()) + "分"
                : EN_DATETIME.format(time);
    }

    /** Parses a {@code yyyy-MM-dd} date, or returns {@code null}. */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatterBuilder localDateTime() {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral('T').appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 2).optionalStart().appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd();
    }

    /**
     * Parses an ISO-8601 date-time: {@code yyyy-MM-ddTHH:mm}, optionally with seconds ({@code :ss}, a fraction) and an
     * offset ({@code Z}, {@code +08:00}, {@code +0800}, {@code +08}), as systems that send data write it. A time with
     * an offset is converted to {@link #DOCUMENT_ZONE}; one without is taken as document time. Returns {@code null}
     * when the text is none of these.
     */
    public static LocalDateTime parseDateTime(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            return LocalDateTime.parse(t, LOCAL);
        } catch (DateTimeParseException e) {
            // try with an offset
        }
        for (DateTimeFormatter f : OFFSET) {
            try {
                return OffsetDateTime.parse(t, f).atZoneSameInstant(DOCUMENT_ZONE).toLocalDateTime();
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }

    /**
     * The canonical form of an accepted date-time: document time, {@code yyyy-MM-ddTHH:mm}, with {@code :ss} only when
     * the seconds are not zero (fractions of a second are dropped); {@code null} when the text is not accepted.
     * Normalising a normalised value changes nothing. Documents show it to the minute.
     */
    public static String normaliseDateTime(String text) {
        LocalDateTime t = parseDateTime(text);
        if (t == null) {
            return null;
        }
        t = t.truncatedTo(ChronoUnit.SECONDS);
        return (t.getSecond() == 0 ? MINUTE : SECOND).format(t);
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal) {
            return "number " + value;
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        return String.valueOf(value);
    }
}
