// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.Pki;
import org.tixun.templates.DefaultTemplateService;
import org.tixun.templates.DocumentData;
import org.tixun.templates.Lang;
import org.tixun.templates.PageImages;
import org.tixun.templates.RenderResult;

/**
 * The freeze step: renders the record with its times (rule 2), plans who signs where ({@link SlotPlanner}), writes
 * {@code frozen.pdf} and {@code record-data.json} into the session's folder; the SHA-256 of the PDF is the frozen
 * content hash every signature event binds to. A preview's render is reused when the text did not change since.
 */
final class FrozenRecord implements WorkstationSteps.Freezing {
    static final String FROZEN_PDF = "frozen.pdf";
    static final String RECORD_DATA = "record-data.json";

    private final Path workDir;
    private final DefaultTemplateService templates;
    private final Lang lang;
    private final Map<SignerRole, SlotPlanner.Side> sides;
    /** The last preview: its data as JSON and its render. */
    private volatile Object[] previewed;

    FrozenRecord(Path workDir, DefaultTemplateService templates, Lang lang, Map<SignerRole, SlotPlanner.Side> sides) {
        this.workDir = workDir;
        this.templates = templates;
        this.lang = lang;
        this.sides = sides;
    }

    @Override
    public WorkstationFlow.FreezePreview preview(DocumentData data, WorkstationState state) throws Exception {
        // As the freeze will write it: the recording's start and (to the minute) now as the end (rule 2).
        data = RecordHeader.withTimes(data, state.recordingStart(), Instant.now());
        RenderResult r = templates.render(state.kind(), data, lang);
        SlotPlanner.Plan plan = SlotPlanner.plan(r, data, sides);
        previewed = new Object[] {data.toJson(), r};
        return new WorkstationFlow.FreezePreview(r.pageCount(), plan.terminal(), plan.workstation(),
                reviewMethod(data));
    }

    @Override
    public WorkstationEvent.Frozen freeze(DocumentData data, WorkstationState state, Instant frozenAt)
            throws Exception {
        data = RecordHeader.withTimes(data, state.recordingStart(), frozenAt);
        List<String> timeProblems = RecordHeader.checkTimes(data, state.recordingStart(), frozenAt);
        if (!timeProblems.isEmpty()) {
            throw new FlowStateException(Message.joined("\n",
                    timeProblems.stream().map(Message::untranslated).toList()));
        }
        Object[] preview = previewed;
        previewed = null;
        RenderResult r = preview != null && preview[0].equals(data.toJson()) ? (RenderResult) preview[1]
                : templates.render(state.kind(), data, lang);
        InstitutionKeyStore.writeAtomically(workDir.resolve(FROZEN_PDF), r.pdf());
        InstitutionKeyStore.writeAtomically(workDir.resolve(RECORD_DATA), data.toJson().getBytes(
                StandardCharsets.UTF_8));
        SlotPlanner.Plan plan = SlotPlanner.plan(r, data, sides);
        return new WorkstationEvent.Frozen(Pki.sha256Hex(r.pdf()), frozenAt, reviewMethod(data), plan.slots(),
                plan.terminal(), plan.workstation(), plan.present().stream().map(Enum::name).toList());
    }

    @Override
    public List<byte[]> pages(WorkstationState state) throws IOException {
        byte[] pdf = Files.readAllBytes(workDir.resolve(FROZEN_PDF));
        List<byte[]> pages = new ArrayList<>();
        for (var img : PageImages.renderAll(pdf, 100f)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            pages.add(out.toByteArray());
        }
        return pages;
    }

    private static String reviewMethod(DocumentData data) {
        Object review = data.value("reviewMethod");
        return review == null || review.toString().isBlank() ? null : review.toString();
    }
}
