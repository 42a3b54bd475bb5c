// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tixun.core.session.LiveRecordUpdate;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.ExampleData;
import org.tixun.templates.Lang;
import org.tixun.templates.QaEntry;
import org.tixun.templates.TemplateRegistry;

/** The workstation's live-record publisher: page at the cursor, coalescing, latency accounting, warm-up. */
class LivePublisherTest {

    private static final String KIND = "INTERROGATION_RECORD";
    private static final DefaultTemplateService TEMPLATES = new DefaultTemplateService(TemplateRegistry.builtIn());

    /** A record of {@code n} entries whose answers end in a unique marker 〔答i〕. */
    private static DocumentData record(int n) {
        DocumentData base = ExampleData.forKind(KIND).orElseThrow();
        List<QaEntry> qa = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            QaEntry e = base.qa().get(i % base.qa().size());
            qa.add(new QaEntry(e.q(), e.a() + "〔答" + i + "〕"));
        }
        return base.withQa(qa);
    }

    @Test
    void cursorEntryIsFoundFromTheEndAnswersFirst() {
        DocumentData d = record(20);
        assertArrayEquals(new int[] {-1, 0}, LivePublisher.cursorEntry(d, null));
        assertArrayEquals(new int[] {-1, 0}, LivePublisher.cursorEntry(d, "  "));
        assertArrayEquals(new int[] {-1, 0}, LivePublisher.cursorEntry(d, "不在记录里的文字"));
        assertArrayEquals(new int[] {7, 1}, LivePublisher.cursorEntry(d, "〔答7〕"));
        // The example's questions repeat: the last entry holding it.
        int size = ExampleData.forKind(KIND).orElseThrow().qa().size();
        String q = d.qa().get(3).q();
        assertArrayEquals(new int[] {3 + (19 - 3) / size * size, 0}, LivePublisher.cursorEntry(d, q.substring(0, 6)));
        // Whitespace in the cursor text is ignored.
        assertArrayEquals(new int[] {12, 1}, LivePublisher.cursorEntry(d, " 〔答 12〕 "));
        // Text near an editor's caret: only its last line counts, without the 问：/答： label.
        assertArrayEquals(new int[] {9, 1}, LivePublisher.cursorEntry(d, "。\n答：" + d.qa().get(9).a().substring(0, 4)
                .replace("〔", "")));
        assertArrayEquals(new int[] {-1, 0}, LivePublisher.cursorEntry(d, "〔答3〕\n问："), "a question just begun");
    }

    @Test
    void sendsThePageAtTheCursorAsGreyPngAndCountsLatencyOnEcho() throws Exception {
        List<LiveRecordUpdate> sent = new CopyOnWriteArrayList<>();
        try (LivePublisher live = new LivePublisher("r-1", KIND, Lang.ZH, TEMPLATES, sent::add, 60f)) {
            DocumentData d = record(40);
            long rev = live.edit(d, "〔答0〕", System.nanoTime());
            assertTrue(live.awaitRendered(60_000), "rendered");
            assertNull(live.failure());
            LiveRecordUpdate first = sent.get(sent.size() - 1);
            assertEquals(rev, first.revision());
            assertEquals(1, first.firstPage(), "entry 0 is on page 1");
            assertTrue(first.pageCount() >= 4, "a long record: " + first.pageCount());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(first.pagesPng().get(0)));
            assertNotNull(png, "a PNG any decoder reads");
            assertEquals(1, png.getColorModel().getNumComponents(), "grey");
            assertEquals(Math.round(210 / 25.4 * 60), png.getWidth(), 1.0, "an A4 page at 60 dpi");

            live.edit(d, "〔答39〕", System.nanoTime());
            assertTrue(live.awaitRendered(60_000));
            assertEquals(first.pageCount(), sent.get(sent.size() - 1).firstPage(), "the last entry is on the last page");
            long middle = live.edit(d, "〔答20〕", System.nanoTime());
            assertTrue(live.awaitRendered(60_000));
            int page = sent.get(sent.size() - 1).firstPage();
            assertTrue(page > 1 && page < first.pageCount(), "a middle entry is on a middle page: " + page);

            assertEquals(0, live.latency().count(), "nothing counted before the terminal's echo");
            live.shown(middle);
            assertEquals(3, live.latency().count(), "every keystroke up to the shown revision");
            assertTrue(live.latency().percentile(50) >= 0);
        }
    }

    @Test
    void editsDuringARenderAreCoalescedAndTheNewestIsSent() throws Exception {
        List<LiveRecordUpdate> sent = new CopyOnWriteArrayList<>();
        try (LivePublisher live = new LivePublisher("r-2", KIND, Lang.ZH, TEMPLATES, sent::add, 60f)) {
            DocumentData d = record(12);
            long last = 0;
            for (int i = 0; i < 30; i++) {
                last = live.edit(d, null, System.nanoTime());
            }
            assertTrue(live.awaitRendered(60_000));
            assertEquals(last, sent.get(sent.size() - 1).revision(), "the newest revision is the last sent");
            assertTrue(sent.size() < 30, "coalesced: " + sent.size() + " renders for 30 edits");
            live.shown(last);
            assertEquals(30, live.latency().count());
        }
    }

    @Test
    void warmsUpInTheBackgroundUntilTheFirstEdit() throws Exception {
        List<LiveRecordUpdate> sent = new CopyOnWriteArrayList<>();
        try (LivePublisher live = new LivePublisher("r-3", KIND, Lang.ZH, TEMPLATES, sent::add, 60f)) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (live.warmUps() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(live.warmUps() >= 2, "warm-up renders ran: " + live.warmUpSummary());
            assertTrue(sent.isEmpty(), "warm-up renders are not sent");
            long rev = live.edit(record(3), null, System.nanoTime());
            assertTrue(live.awaitRendered(60_000));
            int after = live.warmUps();
            Thread.sleep(300);
            assertEquals(after, live.warmUps(), "no warm-up after the first edit");
            assertTrue(after <= LivePublisher.WARM_UP_MAX_RENDERS);
            assertEquals(rev, sent.get(sent.size() - 1).revision());
        }
    }

    @Test
    void invalidDataIsReportedNotSent() throws Exception {
        List<LiveRecordUpdate> sent = new CopyOnWriteArrayList<>();
        try (LivePublisher live = new LivePublisher("r-4", KIND, Lang.ZH, TEMPLATES, sent::add, 60f)) {
            // A blank field only shows blank while typing; a malformed value cannot be shown.
            DocumentData d = record(2).with("startTime", "yesterday");
            live.edit(d, null, System.nanoTime());
            assertTrue(live.awaitRendered(60_000));
            assertNotNull(live.failure(), "the render failure is kept for the caller");
            assertTrue(sent.isEmpty());
        }
    }
}
