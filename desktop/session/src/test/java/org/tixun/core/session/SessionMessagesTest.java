// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tixun.core.i18n.BundleConsistency.readsInBothLanguages;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tixun.core.i18n.BundleConsistency;
import org.tixun.core.i18n.Localized;
import org.tixun.core.i18n.Message;
import org.tixun.core.session.flow.RecordHeader;
import org.tixun.core.session.i18n.SessionMessages;
import org.tixun.templates.DocumentData;

/** The session module's texts come from its bundle; its failures read in Chinese and English. */
class SessionMessagesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void bundleMatchesTheSources() {
        BundleConsistency.of(SessionMessages.BUNDLE.baseName()).sources(Path.of("src/main/java"))
                .labels(SessionRole.class)
                // the record's own words (header vocabulary, unnamed signers, the private-consultation reason in the
                // recording log, Q/A labels) and a loopback terminal certificate's name
                .inlineChineseAllowedIn("org/tixun/core/session/flow/RecordWords.java",
                        "org/tixun/core/session/LoopbackTls.java")
                .check();
    }

    @Test
    void aFrameThatIsNotTixunSaysSoInEachLanguage() {
        FrameException e = catchThrowableOfType(() -> new FrameCodec(1 << 20).read(new ByteArrayInputStream(
                "GET / HTTP/1.1\r\n\r\n\r\n\r\n\r\n\r\n".getBytes())), FrameException.class);
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).isEqualTo("收到无法识别的数据，不是提讯协议帧（幻数 0x4745）");
        assertThat(e.message(EN)).isEqualTo("not a Tixun frame: magic 0x4745");
        assertThat(e.getMessage()).isEqualTo(e.message(ZH) + " (" + e.message(EN) + ")");
    }

    @Test
    void aRefusalNamesThePeerInTheReadersLanguage() {
        LinkRefusedException e = new LinkRefusedException(SessionMessages.of("tls.noCertificate", SessionRole.TERMINAL));
        readsInBothLanguages(e);
        assertThat(e.message(ZH)).isEqualTo("终端没有出示证书，拒绝连接");
        assertThat(e.message(EN)).isEqualTo("the terminal presented no certificate");
        // a refusal that arrived from the peer as 「中文 (English)」 keeps its halves apart
        LinkRefusedException peer = new LinkRefusedException(SessionMessages.of("link.peerRefusedSession",
                SessionRole.WORKSTATION, Message.untranslated("协议版本不兼容 (no common protocol version)"), "VERSION"));
        assertThat(peer.message(ZH)).isEqualTo("工作站拒绝了会话：协议版本不兼容（VERSION）");
        assertThat(peer.message(EN)).isEqualTo("the workstation refused the session: no common protocol version (VERSION)");
    }

    @Test
    void aLinkStateKeepsItsBilingualDetailForTheRecordingLog() {
        LinkStateEvent lost = LinkStateEvent.of(LinkState.LOST, "s1", SessionMessages.of("link.silent", 1200L),
                Instant.EPOCH);
        assertThat(lost.detail()).isEqualTo("超过 1200 毫秒未收到对方数据，连接中断 (nothing heard for 1200 ms: link lost)");
        assertThat(lost.reason().in(EN)).isEqualTo("nothing heard for 1200 ms: link lost");
        assertThat(LinkStateEvent.of(LinkState.CONNECTED, "s1", SessionMessages.of("link.state.connected", "终端 2"),
                Instant.EPOCH).detail()).isEqualTo("已连接 终端 2 (connected to 终端 2)");
        assertThat(ReadingConfirmation.Path.READ_ALOUD.label()).isEqualTo("向其宣读 (read aloud to the suspect)");
    }

    @Test
    void rule2ProblemsReadInEachLanguage() {
        DocumentData data = new DocumentData(Map.of("startTime", "2026-03-01T09:00", "endTime", "2026-03-01T08:00"),
                java.util.List.of());
        var problems = RecordHeader.timeProblems(data, Instant.parse("2026-03-01T01:00:00Z"), null);
        assertThat(problems).extracting(m -> m.in(EN)).contains(
                "the end time 2026-03-01T08:00 is before the start time 2026-03-01T09:00, rule 2");
        assertThat(RecordHeader.checkTimes(data, Instant.parse("2026-03-01T01:00:00Z"), null))
                .contains("笔录结束时间 2026-03-01T08:00 早于开始时间 2026-03-01T09:00 (the end time 2026-03-01T08:00 is"
                        + " before the start time 2026-03-01T09:00, rule 2)");
    }
}
