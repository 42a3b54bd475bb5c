// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.model;

import java.util.ArrayList;
import java.util.List;

/** Splits a sample stream into contact strokes and the hover runs between them, keeping every sample. */
public final class Strokes {

    private Strokes() {
    }

    /** Returns the alternating hover and contact runs; concatenated they give back {@code samples}. */
    public static List<Stroke> segment(List<PenSample> samples) {
        List<Stroke> runs = new ArrayList<>();
        List<PenSample> current = new ArrayList<>();
        boolean contact = false;
        for (PenSample s : samples) {
            if (!current.isEmpty() && s.isContact() != contact) {
                runs.add(new Stroke(contact, current));
                current = new ArrayList<>();
            }
            contact = s.isContact();
            current.add(s);
        }
        if (!current.isEmpty()) {
            runs.add(new Stroke(contact, current));
        }
        return runs;
    }

    /** Returns only the pen-down strokes. */
    public static List<Stroke> contactStrokes(List<PenSample> samples) {
        return segment(samples).stream().filter(Stroke::contact).toList();
    }
}
