// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence;

import org.tixun.core.evidence.i18n.EvidenceMessages;
import org.tixun.core.evidence.model.SignatureEvent;
import org.tixun.core.evidence.model.SignerRole;
import org.tixun.core.evidence.model.SignatureSlot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tixun.core.i18n.LocalizedIOException;

/**
 * The {@code events.json} read by {@code tixun seal}: record id, document kind, participants, refusals, slots and
 * signature events. In an event, samples may come from a CSV file ({@code "strokesCsv"}: x,y,pressure,tMillis,contact
 * per line) and images from files ({@code "photoAtPenDownFile"}, {@code "photoAtCompletionFile"},
 * {@code "fingerprintFile"}, {@code "inkImageFile"}), relative to the events file.
 */
public final class EventsFile {
    private EventsFile() {
    }

    /** Reads an events file into a seal request for the given frozen PDF. */
    public static SealRequest read(Path eventsJson, byte[] frozenPdf) throws IOException {
        JsonNode root = EvidenceJson.mapper().readTree(eventsJson.toFile());
        Path base = eventsJson.toAbsolutePath().getParent();
        List<SignatureSlot> slots = new ArrayList<>();
        for (JsonNode s : root.path("slots")) {
            slots.add(EvidenceJson.mapper().treeToValue(s, SignatureSlot.class));
        }
        List<SignatureEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            ObjectNode node = e.deepCopy();
            if (node.hasNonNull("strokesCsv")) {
                node.set("samples", csv(base.resolve(node.get("strokesCsv").asText())));
            }
            file(node, base, "photoAtPenDownFile", "photoAtPenDownJpeg");
            file(node, base, "photoAtCompletionFile", "photoAtCompletionJpeg");
            file(node, base, "fingerprintFile", "fingerprintPng");
            file(node, base, "inkImageFile", "inkImagePng");
            events.add(EvidenceJson.mapper().treeToValue(node, SignatureEvent.class));
        }
        Set<SignerRole> participants = EnumSet.noneOf(SignerRole.class);
        for (JsonNode p : root.path("participants")) {
            participants.add(SignerRole.valueOf(p.asText()));
        }
        List<Refusal> refusals = new ArrayList<>();
        for (JsonNode r : root.path("refusals")) {
            refusals.add(EvidenceJson.mapper().treeToValue(r, Refusal.class));
        }
        return new SealRequest(root.path("recordId").asText(), DocumentKind.valueOf(root.path("kind")
                .asText("INTERROGATION_RECORD")), frozenPdf, slots, events, participants, refusals);
    }

    /** Writes a request (without the PDF) as an events file with samples and images inline. */
    public static void write(SealRequest request, Path eventsJson) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("recordId", request.recordId());
        root.put("kind", request.kind().name());
        ArrayNode participants = root.putArray("participants");
        request.participants().stream().sorted().forEach(p -> participants.add(p.name()));
        root.set("refusals", EvidenceJson.mapper().valueToTree(request.refusals()));
        root.set("slots", EvidenceJson.mapper().valueToTree(request.slots()));
        root.set("events", EvidenceJson.mapper().valueToTree(request.events()));
        Files.write(eventsJson, EvidenceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void file(ObjectNode node, Path base, String fileField, String bytesField) throws IOException {
        if (node.hasNonNull(fileField)) {
            node.put(bytesField, Base64.getEncoder().encodeToString(Files.readAllBytes(base.resolve(
                    node.get(fileField).asText()))));
            node.remove(fileField);
        }
    }

    private static ArrayNode csv(Path file) throws IOException {
        ArrayNode samples = JsonNodeFactory.instance.arrayNode();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || Character.isLetter(t.charAt(0))) {
                continue;
            }
            String[] f = t.split("\\s*,\\s*");
            if (f.length < 5) {
                throw new LocalizedIOException(EvidenceMessages.of("strokeCsv.badLine", line));
            }
            ObjectNode s = samples.addObject();
            s.put("x", Integer.parseInt(f[0]));
            s.put("y", Integer.parseInt(f[1]));
            s.put("pressure", Integer.parseInt(f[2]));
            s.put("tMillis", Long.parseLong(f[3]));
            s.put("contact", f[4].equals("1") || f[4].equalsIgnoreCase("true"));
            s.put("deviceTimeMicros", f.length > 5 ? Long.parseLong(f[5]) : 0);
            s.put("hostNanos", f.length > 6 ? Long.parseLong(f[6]) : 0);
        }
        return samples;
    }
}
