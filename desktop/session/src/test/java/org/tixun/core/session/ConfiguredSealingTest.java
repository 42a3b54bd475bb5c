// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.devices.config.ConfiguredTsa;
import org.tixun.core.devices.config.TestTsa;
import org.tixun.core.evidence.SignatureEventJournal;
import org.tixun.core.evidence.Verifier;
import org.tixun.core.pki.GmKeyStore;
import org.tixun.core.session.flow.TerminalFlow;
import org.tixun.core.session.flow.WorkstationFlow;
import org.tixun.core.session.flow.WorkstationState;
import org.tixun.core.session.flow.WorkstationSetup;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.ExampleData;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/**
 * A session sealed as Settings say: the GM (SM2/SM3) track on, and the time-stamp authority chosen there: an external RFC 3161 server on loopback (its
 * own CA, not the institution's) stamps the seal; the verification after sealing trusts its anchor, and the report
 * says the times come from an external authority. Without that anchor the stamps do not verify.
 */
class ConfiguredSealingTest {
    @TempDir
    Path dir;

    @Test
    void theSealIsStampedByTheExternalAuthorityWithTheGmTrackAndTheReportSaysSo() throws Exception {
        LinkFixtures fx = new LinkFixtures(dir, "外部时间戳测试检察院");
        List<String> filed = new CopyOnWriteArrayList<>();
        Path wdir = dir.resolve("w");
        SignatureEventJournal wj = new SignatureEventJournal(wdir.resolve("journal"));
        DefaultTemplateService templates = new DefaultTemplateService(TemplateRegistry.builtIn());
        GmKeyStore gm = GmKeyStore.create(dir.resolve("gm.p12"), "gm-pass".toCharArray(), "外部时间戳测试检察院");
        try (TestTsa external = new TestTsa();
                FlowFixtures.Terminal t = FlowFixtures.Terminal.open(fx, dir.resolve("t"));
                SessionStore ws = SessionStore.open(wdir.resolve("session.db"));
                WorkstationLink wl = new WorkstationLink("工作站", fx.workstationTls(), "127.0.0.1:" + t.port(),
                        "tsa-1", ws, wj, LinkFixtures.FAST);
                WorkstationFlow wf = new WorkstationFlow(FlowFixtures.withSeal(
                        FlowFixtures.setup("tsa-1", "rec-tsa", wdir, ws, wj, fx, templates, filed),
                        new WorkstationSetup.Seal(fx.keys, (id, pdf, sha) -> filed.add(id), gm,
                                keys -> external(external))), wl)) {
            wl.start();
            assertThat(wl.awaitState(LinkState.CONNECTED, Duration.ofSeconds(20))).isTrue();
            wf.freezeAndSend(ExampleData.forKind("INTERROGATION_RECORD").orElseThrow()
                    .withQa(List.of(new QaEntry("你是否同意以远程视频方式接受讯问？", "同意。"))));
            TerminalFlow terminal = t.flow();
            FlowFixtures.walk(terminal);
            assertThat(wf.awaitEnd(Duration.ofSeconds(90))).isTrue();
            WorkstationState st = wf.state();
            assertThat(st.phase()).as(String.join("\n", st.rejected())).isEqualTo(WorkstationFlow.Phase.SEALED);
            assertThat(external.answered()).as("the external authority stamped the seal").isPositive();

            byte[] sealed = Files.readAllBytes(Path.of(st.sealedPath()));
            var report = new Verifier(List.of(fx.keys.rootCertificate(), external.root())).verify("sealed.pdf",
                    sealed);
            assertThat(report.ok()).as(report.toText()).isTrue();
            assertThat(report.toText()).contains("外部");
            assertThat(report.document()).as("a real session's record is not marked as the demo's")
                    .noneMatch(f -> f.check().equals("demo"));
            var institutionOnly = new Verifier(List.of(fx.keys.rootCertificate())).verify("sealed.pdf", sealed);
            assertThat(institutionOnly.ok()).as("the external stamps need the external anchor").isFalse();
            var withGm = new Verifier(List.of(fx.keys.rootCertificate(), external.root())).verify("sealed.pdf",
                    sealed, new Verifier.Options(null, null, gm.rootCertificate()));
            assertThat(withGm.ok()).as(withGm.toText()).isTrue();
            assertThat(withGm.revisions().stream().flatMap(r -> r.findings().stream())
                    .filter(x -> x.check().equals("gm") && x.ok())).as("the GM track signed every revision")
                    .isNotEmpty();
        }
    }

    /** The test authority as the configured external TSA. */
    private static ConfiguredTsa external(TestTsa tsa) {
        try {
            return ConfiguredTsa.external(tsa.url(), tsa.rootPem());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
