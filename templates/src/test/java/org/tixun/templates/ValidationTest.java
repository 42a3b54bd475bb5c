// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private final TemplateService service = new DefaultTemplateService(Pdfs.builtIn());

    @Test
    void listsAllMissingRequiredFieldsInOneError() {
        DocumentData data = new DocumentData(Map.of("agency", "北京市海淀区人民检察院"), List.of());

        assertThatThrownBy(() -> service.validate("SERVICE_RECEIPT", data))
                .isInstanceOf(InvalidDataException.class)
                .satisfies(e -> assertThat(((InvalidDataException) e).problems()).containsExactly(
                        "Missing required fields: documentName, recipientName, place, servedAt, method, server1"));
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() throws Exception {
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .with("ordinal", "second").with("startTime", "2026-03-05 09:30").with("remote", "yes");

        assertThatThrownBy(() -> service.validate("INTERROGATION_RECORD", data))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("Field 'ordinal' must be an integer, got \"second\"")
                .hasMessageContaining("Field 'startTime' must be an ISO-8601 date-time string yyyy-MM-ddTHH:mm")
                .hasMessageContaining("Field 'remote' must be a boolean (true/false)");
    }

    @Test
    void choicesPatternsAndUnknownFieldsAreChecked() {
        DocumentData data = ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                .with("suspectSex", "X").with("suspectIdNumber", "12345").with("nickname", "小张");

        assertThatThrownBy(() -> service.validate("INTERROGATION_RECORD", data))
                .hasMessageContaining("Field 'suspectSex' must be one of [M, F], got \"X\"")
                .hasMessageContaining("Field 'suspectIdNumber' does not match the pattern")
                .hasMessageContaining("Unknown field 'nickname'");
    }

    @Test
    void recordsNeedQuestionsAndAnswers() {
        DocumentData data = ExampleData.forKind("INQUIRY_RECORD").orElseThrow().withQa(List.of(new QaEntry("问题", " ")));

        assertThatThrownBy(() -> service.validate("INQUIRY_RECORD", data))
                .hasMessageContaining("'qa' entry 1 has an empty question or answer");
        assertThatThrownBy(() -> service.validate("INQUIRY_RECORD", data.withQa(List.of())))
                .hasMessageContaining("'qa' is empty");
    }

    @Test
    void rejectsCharactersTheShippedFontCannotPrint() {
        DocumentData data = ExampleData.forKind("INQUIRY_RECORD").orElseThrow()
                .with("personName", "陈丽华\uD83D\uDE00")
                .withQa(List.of(new QaEntry("你好吗？", "好\uD83D\uDC4D")));

        assertThatThrownBy(() -> service.validate("INQUIRY_RECORD", data))
                .hasMessageContaining("Field 'personName' contains characters the document font cannot print: \uD83D\uDE00")
                .hasMessageContaining("'qa' entry 1 contains characters the document font cannot print: \uD83D\uDC4D");
        assertThat(DocumentFonts.unprintable("䶮龘张伟 ABC，。（）")).isEmpty();
    }

    @Test
    void markupInValuesIsPrintedAsText() throws Exception {
        DocumentData data = ExampleData.forKind("SERVICE_RECEIPT").orElseThrow().with("remarks", "<b>副本</b> & \"原件\"");
        RenderResult result = service.render("SERVICE_RECEIPT", data, Lang.ZH);
        assertThat(Pdfs.text(result.pdf())).contains("<b>副本</b> & \"原件\"");
    }

    @Test
    void unknownKindListsTheKnownOnes() {
        assertThatThrownBy(() -> service.fields("ARREST_WARRANT"))
                .isInstanceOf(UnknownKindException.class)
                .hasMessageContaining("ARREST_WARRANT")
                .hasMessageContaining("known kinds: INTERROGATION_RECORD, INQUIRY_RECORD, PLEA_AGREEMENT, RIGHTS_NOTICE, "
                        + "LENIENCY_NOTICE, SERVICE_RECEIPT, DETENTION_EXTENSION_NOTICE, HEARING_OPINIONS_RECORD");
    }

    @Test
    void renderRefusesInvalidData() {
        Map<String, Object> values = new LinkedHashMap<>(ExampleData.forKind("PLEA_AGREEMENT").orElseThrow().values());
        values.remove("counselName");
        DocumentData data = new DocumentData(values, List.of());

        assertThatThrownBy(() -> service.render("PLEA_AGREEMENT", data, Lang.ZH))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("Missing required fields: counselName");
    }

    @Test
    void dataFileMustBeAnObjectWithWellFormedQa() {
        assertThatThrownBy(() -> DocumentData.fromJson("[1, 2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> DocumentData.fromJson("{\"qa\": [{\"q\": \"问\"}]}")).hasMessageContaining("'qa' entry 1");
        assertThatThrownBy(() -> DocumentData.fromJson("{\"agency\": {\"x\": 1}}")).hasMessageContaining("Field 'agency'");
    }

    @Test
    void formatsDatesAndChoicesPerLanguage() {
        FieldSpec date = new FieldSpec("d", FieldType.DATETIME, true, "时间", "Time", null, 0, List.of());
        assertThat(ValueFormatter.format(date, "2026-03-05T09:05", Lang.ZH)).isEqualTo("2026年3月5日9时05分");
        assertThat(ValueFormatter.format(date, "2026-03-05T09:05", Lang.EN)).isEqualTo("5 March 2026, 09:05");
        FieldSpec sex = Pdfs.builtIn().find("INTERROGATION_RECORD").orElseThrow().manifest().field("suspectSex").orElseThrow();
        assertThat(ValueFormatter.format(sex, "F", Lang.ZH)).isEqualTo("女");
    }
}
