// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;
import org.tixun.core.i18n.Message;
import org.tixun.core.records.RecordSummary;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.templates.DocumentData;

/**
 * A record's header filled from the case and the session, never from an example: the agency from the institution's
 * settings, the case number and every identity from the case file, the interrogators and recorder from the case's
 * participants, the ordinal from the earlier records of that kind, the place from the terminal's registered name, the
 * start time from the recording's start and the end time from the freeze (DOMAIN.md, "Interrogation record
 * structure"). A value the case does not have stays empty: the recorder completes the header before freezing and
 * the template's required fields name what is missing.
 *
 * <p>Only the fields the record's template declares are set. Times are Beijing time to the minute, as the documents
 * show them.
 */
public final class RecordHeader {
    /** The zone the records are written in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The header's start-time field. */
    public static final String START = "startTime";
    /** The header's end-time field. */
    public static final String END = "endTime";

    private RecordHeader() {
    }

    /**
     * Where the header's values come from.
     *
     * @param institution the agency (Settings {@code institution.name})
     * @param caseFile the record's case
     * @param record the record
     * @param ordinal 1 + the earlier records of this kind in the case
     * @param place the terminal's registered name (its certificate's common name); null until the link is up
     * @param start when the session's recording started; null until it has
     */
    public record Sources(String institution, CaseFile caseFile, RecordSummary record, int ordinal, String place,
            Instant start) {
    }

    /** The time as the records write it: Beijing time, to the minute. */
    public static String minute(Instant t) {
        return LocalDateTime.ofInstant(t, ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The header for {@code fields} (the template's field names) from {@code s}. */
    public static DocumentData fill(Set<String> fields, Sources s) {
        Map<String, Object> v = new LinkedHashMap<>();
        put(v, "agency", s.institution());
        put(v, "caseNumber", s.caseFile().caseNumber());
        v.put("ordinal", s.ordinal());
        put(v, "place", s.place());
        v.put("remote", Boolean.TRUE);
        if (s.start() != null) {
            v.put(START, minute(s.start()));
        }
        List<Participant> interrogators = s.caseFile().withRole(ParticipantRole.INTERROGATOR);
        if (!interrogators.isEmpty()) {
            put(v, "interrogator1", interrogators.get(0).name());
        }
        if (interrogators.size() > 1) {
            put(v, "interrogator2", interrogators.get(1).name());
        }
        s.caseFile().withRole(ParticipantRole.RECORDER).stream().findFirst().ifPresent(r -> put(v, "recorder", r.name()));
        s.caseFile().suspect().ifPresent(p -> {
            put(v, "suspectName", p.name());
            put(v, "suspectAlias", p.aliases());
            if (p.sex() != null) {
                v.put("suspectSex", p.sex() == Sex.MALE ? "M" : "F");
            }
            if (p.dateOfBirth() != null) {
                v.put("suspectBirthDate", p.dateOfBirth().toString());
            }
            put(v, "suspectIdNumber", p.idNumber());
            put(v, "suspectEthnicity", p.ethnicity());
            put(v, "suspectEducation", p.education());
            put(v, "suspectOccupation", p.occupation());
            put(v, "suspectHouseholdRegistration", p.householdRegistration());
            put(v, "suspectResidence", p.residence());
            put(v, "priorPenalties", p.priorPenalties());
        });
        s.caseFile().withRole(ParticipantRole.INTERPRETER).stream().findFirst().ifPresent(p -> {
            put(v, "interpreterName", p.name());
            put(v, "interpreterEmployer", p.organisation());
        });
        s.caseFile().withRole(ParticipantRole.APPROPRIATE_ADULT).stream().findFirst().ifPresent(p -> {
            put(v, "appropriateAdultName", p.name());
            put(v, "appropriateAdultRelation", p.organisation());
        });
        List<String> others = new ArrayList<>();
        for (Participant p : s.caseFile().withRole(ParticipantRole.LAWYER)) {
            others.add((p.lawyerKind() == Participant.LawyerKind.DUTY_LAWYER ? RecordWords.DUTY_LAWYER
                    : RecordWords.DEFENCE_COUNSEL) + " " + p.name());
        }
        if (!others.isEmpty()) {
            v.put("othersPresent", String.join("、", others));
        }
        Map<String, Object> kept = v.entrySet().stream().filter(e -> fields.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new DocumentData(kept, List.of());
    }

    private static void put(Map<String, Object> v, String field, String value) {
        if (value != null && !value.isBlank()) {
            v.put(field, value.strip());
        }
    }

    /** The header with the session's start and the freeze time written in (the values the recording dictates). */
    public static DocumentData withTimes(DocumentData data, Instant start, Instant frozenAt) {
        DocumentData d = data;
        if (start != null) {
            d = d.with(START, minute(start));
        }
        return d.with(END, minute(frozenAt));
    }

    /**
     * Rule 2: the start and end times are present and consistent with the recording, which started at
     * {@code recordingStart} and ran at least until {@code recordingEnd}: the start is the minute the recording
     * started, the end is not before the start and not after the recording.
     *
     * @return the problems, each 「中文 (English)」; empty when the times hold
     */
    public static List<String> checkTimes(DocumentData data, Instant recordingStart, Instant recordingEnd) {
        return timeProblems(data, recordingStart, recordingEnd).stream().map(Message::bilingual).toList();
    }

    /**
     * Rule 2 as {@link #checkTimes}, the problems as messages for the reader's language.
     *
     * @return the problems; empty when the times hold
     */
    public static List<Message> timeProblems(DocumentData data, Instant recordingStart, Instant recordingEnd) {
        List<Message> problems = new ArrayList<>();
        LocalDateTime start = time(data, START, problems, "header.start.missing", "header.start.invalid");
        LocalDateTime end = time(data, END, problems, "header.end.missing", "header.end.invalid");
        if (recordingStart == null) {
            problems.add(SessionMessages.of("header.noRecordingStart"));
            return problems;
        }
        LocalDateTime recStart = LocalDateTime.ofInstant(recordingStart, ZONE).truncatedTo(ChronoUnit.MINUTES);
        if (start != null && !start.equals(recStart)) {
            problems.add(SessionMessages.of("header.startNotRecordingStart", start.toString(), recStart.toString()));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(SessionMessages.of("header.endBeforeStart", end.toString(), start.toString()));
        }
        if (end != null && recordingEnd != null) {
            LocalDateTime recEnd = LocalDateTime.ofInstant(recordingEnd, ZONE).truncatedTo(ChronoUnit.MINUTES);
            if (end.isAfter(recEnd)) {
                problems.add(SessionMessages.of("header.endAfterRecording", end.toString(), recEnd.toString()));
            }
        }
        return problems;
    }

    /** The time in {@code field}, or null with the problem {@code missing} or {@code invalid} (message keys). */
    private static LocalDateTime time(DocumentData data, String field, List<Message> problems, String missing,
            String invalid) {
        Object v = data.value(field);
        if (v == null || v.toString().isBlank()) {
            problems.add(SessionMessages.of(missing));
            return null;
        }
        try {
            return LocalDateTime.parse(v.toString()).truncatedTo(ChronoUnit.MINUTES);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(SessionMessages.of(invalid, v.toString()));
            return null;
        }
    }
}
