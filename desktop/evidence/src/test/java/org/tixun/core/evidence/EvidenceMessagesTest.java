// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.core.i18n.BundleConsistency.readsInBothLanguages;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.evidence.tsa.TimestampUnavailableException;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;

/** The evidence module's texts come from its bundle; its failures and findings read in Chinese and in English. */
class EvidenceMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @TempDir
    Path dir;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(EvidenceMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                // the record's own words: signature reasons and attachment descriptions printed in the sealed PDF,
                // and the roles and slot kinds it names
                .inlineChineseAllowedIn("org/tixun/core/evidence/Sealer.java",
                        "org/tixun/core/evidence/model/SignerRole.java", "org/tixun/core/evidence/model/SlotKind.java")
                .check();
    }

    @Test
    void anUnreachableTimeStampAuthorityReadsInEachLanguage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "http://127.0.0.1:" + port + "/tsa";
        TimestampUnavailableException e = catchThrowableOfType(() -> new Rfc3161Client(url).stamp(new byte[32]),
                TimestampUnavailableException.class);
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).startsWith("时间戳服务不可用（" + url).contains("笔录保持冻结未封存");
        assertThat(e.message(EN)).startsWith("time-stamp authority unreachable at " + url).contains("retry later");
        assertThat(e.getMessage()).isEqualTo(e.message().bilingual());
    }

    @Test
    void aFileThatIsNotAPdfReadsInEachLanguage() throws Exception {
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("k.p12"), "pass".toCharArray(), "某某检察院");
        IOException e = catchThrowableOfType(() -> new Verifier(List.of(keys.rootCertificate())).verify("x.pdf",
                "not a pdf at all".getBytes()), IOException.class);
        assertThat(e).isInstanceOf(Localized.class);
        readsInBothLanguages((Localized) e);
        assertThat(((Localized) e).message(ZH)).isEqualTo("不是 PDF 文件：没有 %PDF- 文件头");
        EscrowedEvidenceException d = catchThrowableOfType(() -> EscrowCrypto.decrypt("garbage".getBytes(),
                keys.escrowCredential()), EscrowedEvidenceException.class);
        readsInBothLanguages(d);
        assertThat(d.message(EN)).startsWith("cannot decrypt evidence: ");
    }

    @Test
    void brokenSigningRulesListEveryRuleInTheLanguage() {
        SigningRulesException e = new SigningRulesException(List.of(
                new RuleViolation(5, EvidenceMessages.of("rules.suspectMissing", 2, SlotKind.FINGERPRINT)),
                new RuleViolation(9, EvidenceMessages.of("rules.order", SignerRole.RECORDER, SignerRole.SUSPECT))));
        assertThat(e.message(ZH)).isEqualTo("不能封存笔录：\n第 2 页缺少犯罪嫌疑人指印\n签名顺序错误：记录人在犯罪嫌疑人之前签名");
        assertThat(e.message(EN)).isEqualTo("The record cannot be sealed:\npage 2: suspect fingerprint missing\n"
                + "wrong signing order: the recorder signed before the suspect");
        assertThat(e.getMessage()).startsWith("不能封存笔录 (record cannot be sealed):\n第 2 页缺少犯罪嫌疑人指印 (page 2:");
    }

    @Test
    void aFindingCarriesBothLanguagesFromTheBundle() {
        Finding f = Finding.fail("pages", EvidenceMessages.of("verify.pages.modified", 3, SignerRole.INTERROGATOR));
        assertThat(f.zh()).isEqualTo("第 3 页内容在讯问人签名后被修改");
        assertThat(f.en()).isEqualTo("page 3 was modified after the interrogator signed");
        assertThat(f.text(EN)).isEqualTo(f.en());
        assertThat(f.text(Locale.CHINA)).isEqualTo(f.zh());
        assertThat(SignerRole.SUSPECT.in(EN)).isEqualTo("suspect");
    }
}
