// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.demo;

import org.tixun.core.recording.RecordingConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tixun.templates.DocumentData;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/** A scripted session for the headless workstation (format: docs/session.md, "Session script"). */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class SessionScript {
    /** Link session id (1-100 of [A-Za-z0-9_.-]); the same id resumes the session after a restart. */
    public String sessionId = "session-1";
    /** Template kind. */
    public String kind = "INTERROGATION_RECORD";
    /** Part of the case number of the (demo) case to file the record under. */
    public String caseNumber = "1017号";
    /** Start from the templates' example data of {@link #kind} (header fields), then apply {@link #data}. */
    public boolean exampleData = true;
    /** Header fields (overrides). */
    public Map<String, Object> data = new LinkedHashMap<>();
    /** How the recorder types. */
    public Typing typing = new Typing();
    /** The questions and answers typed, in order. */
    public List<Qa> qa = new ArrayList<>();
    /** Corrections made after the review, before freezing (shown as marked changes). */
    public List<Correction> corrections = new ArrayList<>();
    /** Role to side ({@code TERMINAL} or {@code WORKSTATION}); roles not named use the default split. */
    public Map<String, String> signers = new LinkedHashMap<>();
    /** Fault injection: drop the TCP connection after this many signature events were received (0 = never). */
    public LinkDrop linkDrop = new LinkDrop();
    /** Replay rate of the simulated pad in samples per second (the synthesiser writes at 200). */
    public double padRateHz = 1000;
    /** Two-way audio/video (org.tixun.core.media): synthetic camera and tone unless a device is named. */
    public Media media = new Media();

    /** A/V settings. */
    public static final class Media {
        public boolean enabled = true;
        public String camera = "synthetic";
        public int width = 640;
        public int height = 480;
        public int fps = 25;
    }

    /** The session recording on the workstation. */
    public Recording recording = new Recording();

    /** Recording settings (org.tixun.core.recording). */
    public static final class Recording {
        public boolean enabled = true;
        public int width = 640;
        public int height = 480;
        /** Must divide 48000. */
        public int fps = 25;
        public int segmentSeconds = 60;
        /** libx264 preset: ultrafast or veryfast. */
        public String preset = "veryfast";

        public org.tixun.core.recording.RecordingConfig config() {
            var sd = org.tixun.core.recording.RecordingConfig.sd();
            return new org.tixun.core.recording.RecordingConfig(width, height, fps,
                    java.time.Duration.ofSeconds(segmentSeconds), preset, sd.crf(), sd.audioBitrate(), sd.audioLag(),
                    sd.queueCapacity());
        }
    }

    /** Typing speed. */
    public static final class Typing {
        /** Milliseconds between keystrokes. */
        public int keystrokeMs = 40;
        /** Characters per keystroke (an input method commits several Chinese characters at once). */
        public int charsPerKeystroke = 2;
        /**
         * Longest wait (ms) for the live-record renderer's background warm-up before typing starts, as a real
         * session's identity checks and rights notice give it; 0 starts typing at once.
         */
        public int warmUpMaxMs = 20_000;
    }

    /** One question and answer. */
    public static final class Qa {
        public String q = "";
        public String a = "";
    }

    /** Replace {@code from} by {@code to} in entry {@code entry} (1-based), field {@code q} or {@code a}. */
    public static final class Correction {
        public int entry;
        public String field = "a";
        public String from;
        public String to;
    }

    /** Link drop injection. */
    public static final class LinkDrop {
        public int afterSignatureEvents;
    }

    public static SessionScript read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, SessionScript.class);
        }
    }

    /** The demo's script (docs/examples/session.json without the link drop), shipped as a resource. */
    public static SessionScript demo() throws IOException {
        try (InputStream in = SessionScript.class.getResourceAsStream("demo-session.json")) {
            if (in == null) {
                throw new IOException("demo-session.json missing from the build");
            }
            return new ObjectMapper().readValue(in, SessionScript.class);
        }
    }

    /** The header data the record starts from (no Q&A yet). */
    public DocumentData baseData() throws IOException {
        DocumentData d = new DocumentData(Map.of(), List.of());
        if (exampleData) {
            try (InputStream in = TemplateRegistry.class.getResourceAsStream("/org/tixun/templates/examples/" + kind
                    + ".json")) {
                if (in == null) {
                    throw new IOException("no example data for " + kind + " in the templates module");
                }
                d = DocumentData.fromJson(in);
            }
        }
        for (var e : data.entrySet()) {
            d = d.with(e.getKey(), e.getValue());
        }
        return d.withQa(List.of());
    }

    /** The Q&A after the corrections, with CriticMarkup substitutions ({@code {~~old~>new~~}}) marking them. */
    public List<QaEntry> correctedQa() {
        List<QaEntry> out = new ArrayList<>();
        for (Qa e : qa) {
            out.add(new QaEntry(e.q, e.a));
        }
        for (Correction c : corrections) {
            QaEntry e = out.get(c.entry - 1);
            String text = "q".equals(c.field) ? e.q() : e.a();
            if (!text.contains(c.from)) {
                throw new IllegalArgumentException("correction " + c.entry + "/" + c.field + ": '" + c.from
                        + "' is not in the text");
            }
            String marked = text.replaceFirst(java.util.regex.Pattern.quote(c.from),
                    java.util.regex.Matcher.quoteReplacement("{~~" + c.from + "~>" + c.to + "~~}"));
            out.set(c.entry - 1, "q".equals(c.field) ? new QaEntry(marked, e.a()) : new QaEntry(e.q(), marked));
        }
        return out;
    }
}
