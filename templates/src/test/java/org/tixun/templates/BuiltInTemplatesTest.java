// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInTemplatesTest {

    static final String[] KINDS = {
        "INTERROGATION_RECORD", "INQUIRY_RECORD", "PLEA_AGREEMENT", "RIGHTS_NOTICE",
        "LENIENCY_NOTICE", "SERVICE_RECEIPT", "DETENTION_EXTENSION_NOTICE", "HEARING_OPINIONS_RECORD"
    };

    static String[] kinds() {
        return KINDS;
    }

    @Test
    void providesTheEightKindsOfTheDomainWithoutLoadProblems() {
        TemplateRegistry registry = TemplateRegistry.builtIn();
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.kinds()).containsExactly(KINDS);
        assertThat(registry.find("INTERROGATION_RECORD").orElseThrow().title(Lang.ZH)).isEqualTo("讯问笔录");
        assertThat(registry.find("PLEA_AGREEMENT").orElseThrow().title(Lang.EN)).isEqualTo("Plea and Sentencing Agreement");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void shipsExampleDataThatValidates(String kind) {
        DocumentTemplate template = Pdfs.builtIn().find(kind).orElseThrow();
        DocumentData data = ExampleData.forKind(kind).orElseThrow();
        assertThatCode(() -> template.validate(data)).doesNotThrowAnyException();
    }

    @Test
    void recordsHaveTheSuspectSignAndFingerprintEveryPageAndConfirmOnTheLast() {
        TemplateManifest manifest = Pdfs.builtIn().find("INTERROGATION_RECORD").orElseThrow().manifest();
        SignatureSlot every = manifest.slot("suspect-page").orElseThrow();
        SignatureSlot last = manifest.slot("suspect-confirmation").orElseThrow();
        assertThat(every.placement()).isEqualTo(SlotPlacement.EVERY_PAGE);
        assertThat(every.fingerprint()).isTrue();
        assertThat(last.placement()).isEqualTo(SlotPlacement.LAST_PAGE);
        assertThat(last.confirmationText()).isTrue();
        assertThat(manifest.slots()).extracting(SignatureSlot::placement).contains(SlotPlacement.BESIDE_CORRECTIONS);
        assertThat(manifest.slots().stream().filter(s -> s.role() == Role.INTERROGATOR)).hasSize(2);
    }

    @Test
    void pleaAgreementNeedsCounselToSign() {
        TemplateManifest manifest = Pdfs.builtIn().find("PLEA_AGREEMENT").orElseThrow().manifest();
        assertThat(manifest.slots()).anySatisfy(s -> {
            assertThat(s.role()).isEqualTo(Role.DEFENCE_COUNSEL);
            assertThat(s.condition()).isNull();
        });
        assertThat(manifest.field("counselName").orElseThrow().required()).isTrue();
    }
}
