// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Date-times as other systems send them: ISO-8601 with seconds, fractions and offsets, normalised, shown to the minute. */
class DateTimeInputTest {

    private final DefaultTemplateService service = new DefaultTemplateService(Pdfs.builtIn());

    @Test
    void isoDateTimesWithSecondsAndOffsetsAreAcceptedInDocumentTime() {
        LocalDateTime expected = LocalDateTime.of(2026, 3, 5, 9, 30, 15);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30:15")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30:15.250")).isEqualTo(expected.withNano(250_000_000));
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30:15+08:00")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30:15+0800")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30:15+08")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T01:30:15Z")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05t01:30:15z")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-04T20:30:15-05:00")).isEqualTo(expected);
        assertThat(ValueFormatter.parseDateTime("2026-03-05T09:30")).isEqualTo(expected.withSecond(0));
        // across midnight into the next day in document time
        assertThat(ValueFormatter.parseDateTime("2026-03-05T20:00:00Z")).isEqualTo(LocalDateTime.of(2026, 3, 6, 4, 0));
    }

    @Test
    void whatIsNotIsoIsStillRefused() {
        for (String bad : new String[] {"2026-03-05 09:30", "2026-03-05T9:30", "2026-03-05T09:30:61",
                "2026-02-30T09:30", "2026-03-05T09:30+25:00", "2026-03-05", "09:30", "2026-03-05T09:30:15 +08:00"}) {
            assertThat(ValueFormatter.parseDateTime(bad)).as(bad).isNull();
        }
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .with("startTime", "2026-03-05T09:30:15 Beijing");
        assertThatThrownBy(() -> service.validate("INTERROGATION_RECORD", data))
                .hasMessageContaining("Field 'startTime' must be an ISO-8601 date-time string")
                .hasMessageContaining("+08:00 or Z are accepted");
    }

    @Test
    void valuesAreNormalisedToDocumentTimeWithSecondsOnlyWhenThereAreAny() throws Exception {
        assertThat(ValueFormatter.normaliseDateTime("2026-03-05T01:30:00Z")).isEqualTo("2026-03-05T09:30");
        assertThat(ValueFormatter.normaliseDateTime("2026-03-05T09:30:15.999+08:00")).isEqualTo("2026-03-05T09:30:15");
        assertThat(ValueFormatter.normaliseDateTime("2026-03-05T09:30")).isEqualTo("2026-03-05T09:30");
        assertThat(ValueFormatter.normaliseDateTime("not a time")).isNull();
        DocumentTemplate template = service.registry().require("INTERROGATION_RECORD");
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .with("startTime", "2026-03-05T01:30:45Z").with("endTime", "2026-03-05T11:12:00+08:00");
        DocumentData normal = template.normalise(data);
        assertThat(normal.value("startTime")).isEqualTo("2026-03-05T09:30:45");
        assertThat(normal.value("endTime")).isEqualTo("2026-03-05T11:12");
        assertThat(template.normalise(normal).values()).isEqualTo(normal.values());
    }

    @Test
    void theDocumentShowsTheTimeToTheMinute() throws Exception {
        DocumentData example = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow();
        DocumentData sent = example.with("startTime", "2026-03-05T01:30:59Z").with("endTime", "2026-03-05T11:12:07+08:00");

        String text = Pdfs.squash(Pdfs.text(service.render("INTERROGATION_RECORD", sent, Lang.ZH).pdf()));
        String plain = Pdfs.squash(Pdfs.text(service.render("INTERROGATION_RECORD", example, Lang.ZH).pdf()));

        assertThat(text).contains("2026年3月5日9时30分", "11时12分").doesNotContain("59秒", ":59");
        // the same minutes as the example written without seconds or offsets: the same words on the page
        assertThat(text).isEqualTo(plain);
        assertThat(ValueFormatter.format(template("INTERROGATION_RECORD").field("startTime").orElseThrow(),
                "2026-03-05T01:30:59Z", Lang.EN)).isEqualTo("5 March 2026, 09:30");
    }

    private TemplateManifest template(String kind) throws Exception {
        return service.registry().require(kind).manifest();
    }
}
