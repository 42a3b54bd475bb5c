// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tixun.core.evidence.model.SignatureSlot;
import org.tixun.core.evidence.model.SlotKind;
import org.tixun.core.evidence.model.SignerIdentity;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.session.SigningPlan.PlannedSlot;
import org.tixun.core.session.SigningPlan.SlotArea;
import org.tixun.templates.DocumentData;
import org.tixun.templates.RenderResult;
import org.tixun.templates.Role;
import org.tixun.templates.SlotPlacement;
import org.tixun.templates.SlotPosition;

/**
 * Splits a frozen record's slots between the two machines: which slots exist (the template's positions), who signs each one, in the signing order of DOMAIN.md rule 9, and on which side.
 */
public final class SlotPlanner {
    private SlotPlanner() {
    }

    /** Where a signer signs. */
    public enum Side {
        /** At the detention-centre terminal (suspect, appropriate adult, interpreter, lawyer, witness). */
        TERMINAL,
        /** On the workstation's own pad (interrogators, recorder). */
        WORKSTATION
    }

    /**
     * The split.
     *
     * @param slots every evidence slot of the frozen record
     * @param terminal terminal-side slots in signing order
     * @param workstation workstation-side slots in signing order
     * @param present the roles that have slots
     */
    public record Plan(List<SignatureSlot> slots, List<PlannedSlot> terminal, List<PlannedSlot> workstation,
            Set<SignerRole> present) {
    }

    /** People in the room with the suspect sign at the terminal; prosecutors and recorder at the workstation. */
    public static Side defaultSide(SignerRole role) {
        return role.rank() <= 1 ? Side.TERMINAL : Side.WORKSTATION;
    }

    /** Plans a rendered record; {@code sides} overrides {@link #defaultSide} per role. */
    public static Plan plan(RenderResult rendered, DocumentData data, Map<SignerRole, Side> sides) {
        List<SignatureSlot> slots = slots(rendered.slots());
        List<SignatureSlot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparingInt((SignatureSlot s) -> s.role().rank()));
        List<PlannedSlot> terminal = new ArrayList<>();
        List<PlannedSlot> workstation = new ArrayList<>();
        Set<SignerRole> present = EnumSet.noneOf(SignerRole.class);
        Map<String, String> placements = new java.util.HashMap<>();
        slots(rendered.slots(), (slot, position) -> placements.put(slot.id(), position.placement().name()));
        List<float[]> pages = pageBoxes(rendered.pdf());
        for (SignatureSlot s : ordered) {
            present.add(s.role());
            PlannedSlot p = new PlannedSlot(s.id(), s.pageIndex(), s.kind(), identity(s, data),
                    area(s, pages, placements.get(s.id())));
            Side side = sides.getOrDefault(s.role(), defaultSide(s.role()));
            if (side == Side.TERMINAL && !workstation.isEmpty()) {
                throw new IllegalArgumentException("signing order (rule 9): " + s.role().label()
                        + " cannot sign at the terminal after a workstation-side signer");
            }
            (side == Side.TERMINAL ? terminal : workstation).add(p);
        }
        return new Plan(slots, terminal, workstation, present);
    }

    /**
     * Template slot rectangles -> evidence slots: a fingerprint box at the right, confirmation text above; a slot
     * beside a correction becomes one fingerprint (or initials) slot per correction, numbered in document order.
     */
    public static List<SignatureSlot> slots(List<SlotPosition> positions) {
        List<SignatureSlot> out = new ArrayList<>();
        slots(positions, (slot, position) -> out.add(slot));
        return out;
    }

    /** The same slots, each handed over with the template position it came from. */
    private static void slots(List<SlotPosition> positions,
            java.util.function.BiConsumer<SignatureSlot, SlotPosition> sink) {
        int correction = 0;
        for (SlotPosition p : positions) {
            if (p.placement() == SlotPlacement.BESIDE_CORRECTIONS) {
                // Rule 7: each correction gets its own fingerprint (or initials) beside it.
                sink.accept(new SignatureSlot(p.slotId() + "-p" + (p.pageIndex() + 1) + "-c" + (++correction),
                        p.pageIndex(), p.x(), p.y(), p.width(), p.height(), role(p.role()),
                        p.fingerprint() ? SlotKind.FINGERPRINT : SlotKind.SIGNATURE), p);
                continue;
            }
            SignerRole role = role(p.role());
            String id = p.slotId() + "-p" + (p.pageIndex() + 1);
            float x = p.x();
            float y = p.y();
            float w = p.width();
            float h = p.height();
            if (p.confirmationText()) {
                float textHeight = h * 0.5f;
                sink.accept(new SignatureSlot(id + "-confirmation", p.pageIndex(), x, y + h - textHeight, w, textHeight,
                        role, SlotKind.CONFIRMATION), p);
                h -= textHeight;
            }
            if (p.fingerprint()) {
                float fw = Math.min(h * 1.1f, w * 0.3f);
                sink.accept(new SignatureSlot(id, p.pageIndex(), x, y, w - fw - 4, h, role, SlotKind.SIGNATURE), p);
                sink.accept(new SignatureSlot(id + "-fingerprint", p.pageIndex(), x + w - fw, y, fw, h, role,
                        SlotKind.FINGERPRINT), p);
            } else {
                sink.accept(new SignatureSlot(id, p.pageIndex(), x, y, w, h, role, SlotKind.SIGNATURE), p);
            }
        }
    }

    public static SignerRole role(Role role) {
        return switch (role) {
            case SUSPECT -> SignerRole.SUSPECT;
            case APPROPRIATE_ADULT -> SignerRole.APPROPRIATE_ADULT;
            case INTERPRETER -> SignerRole.INTERPRETER;
            case DEFENCE_COUNSEL -> SignerRole.LAWYER;
            case INTERROGATOR, PROSECUTOR -> SignerRole.INTERROGATOR;
            case RECORDER -> SignerRole.RECORDER;
            case WITNESS, VICTIM, RECIPIENT, SERVER, ATTESTING_WITNESS -> SignerRole.WITNESS;
        };
    }

    /** One event per slot, signers in the order of DOMAIN.md rule 9, strokes from the pad simulator. */
    /** Each page's box in PDF points: left, bottom, width, height. */
    private static List<float[]> pageBoxes(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            List<float[]> out = new ArrayList<>(doc.getNumberOfPages());
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getCropBox();
                out.add(new float[] {box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight()});
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the rendered record cannot be read back: " + e.getMessage(), e);
        }
    }

    /** Where a slot lies on its page as fractions of the page (as the page images show it), or null if unknown. */
    static SlotArea area(SignatureSlot s, List<float[]> pages, String placement) {
        if (s.pageIndex() >= pages.size()) {
            return null;
        }
        float[] box = pages.get(s.pageIndex());
        double left = (s.x() - box[0]) / box[2];
        double top = (box[1] + box[3] - s.y() - s.height()) / box[3];
        return new SlotArea(left, top, s.width() / box[2], s.height() / box[3], placement);
    }

    /** The signer of a slot: one person per role, the two interrogators told apart by the slot id. */
    static SignerIdentity identity(SignatureSlot slot, DocumentData data) {
        SignerRole role = slot.role();
        String key = slot.id().replaceAll("-p\\d+.*", "");
        String name = switch (role) {
            case SUSPECT -> text(data, "suspectName", RecordWords.unnamedSigner(role));
            case RECORDER -> text(data, "recorder", RecordWords.unnamedSigner(role));
            case APPROPRIATE_ADULT -> text(data, "appropriateAdultName", RecordWords.unnamedSigner(role));
            case INTERPRETER -> text(data, "interpreterName", RecordWords.unnamedSigner(role));
            case INTERROGATOR -> text(data, key.endsWith("2") ? "interrogator2" : "interrogator1",
                    RecordWords.unnamedSigner(role));
            case LAWYER -> text(data, "lawyerName", RecordWords.unnamedSigner(role));
            case WITNESS -> text(data, "witnessName", RecordWords.unnamedSigner(role));
        };
        return new SignerIdentity(name, role, role == SignerRole.SUSPECT ? text(data, "suspectIdNumber", "") : key);
    }

    /** Signer key: the same person across pages. */
    public static String signerKey(PlannedSlot slot) {
        return slot.signer().role() + "/" + slot.signer().name() + "/" + slot.signer().identity();
    }

    private static String text(DocumentData data, String field, String fallback) {
        Object v = data.value(field);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    /** Every slot of a signer, in plan order. */
    public static List<PlannedSlot> ofSigner(List<PlannedSlot> slots, String signerKey) {
        return slots.stream().filter(s -> signerKey(s).equals(signerKey)).toList();
    }

    /** Distinct signers in order. */
    public static List<String> signers(List<PlannedSlot> slots) {
        return slots.stream().map(SlotPlanner::signerKey).distinct().toList();
    }

    /** Map form for JSON: role name to side. */
    public static Map<SignerRole, Side> sides(Map<String, String> byName) {
        Map<SignerRole, Side> out = new java.util.EnumMap<>(SignerRole.class);
        byName.forEach((k, v) -> out.put(SignerRole.valueOf(k.toUpperCase(java.util.Locale.ROOT)),
                Side.valueOf(v.toUpperCase(java.util.Locale.ROOT))));
        return out;
    }
}
