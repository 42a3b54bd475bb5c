// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The declarative part of a template: kind, titles, fields, participant roles and signature slots.
 *
 * @param kind the kind code, e.g. {@code INTERROGATION_RECORD}
 * @param titleZh the Chinese title
 * @param titleEn the English title
 * @param qa whether the document has a question/answer body
 * @param dateField the DATE or DATETIME field that dates the document (PDF metadata dates)
 * @param roles the participant roles
 * @param fields the fields
 * @param slots the signature slots
 */
public record TemplateManifest(
        String kind,
        String titleZh,
        String titleEn,
        boolean qa,
        String dateField,
        List<Role> roles,
        List<FieldSpec> fields,
        List<SignatureSlot> slots) {

    /** Validates the components and copies the lists. */
    public TemplateManifest {
        Objects.requireNonNull(kind, "kind");
        roles = List.copyOf(roles);
        fields = List.copyOf(fields);
        slots = List.copyOf(slots);
    }

    /** Returns the title in the given language. */
    public String title(Lang lang) {
        return lang == Lang.ZH ? titleZh : titleEn;
    }

    /** Finds a field by name. */
    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Finds a slot by id. */
    public Optional<SignatureSlot> slot(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
