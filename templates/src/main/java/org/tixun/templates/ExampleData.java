// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fictional example data shipped for every built-in kind, used by the demo, the benchmark and tests. */
public final class ExampleData {

    private ExampleData() {}

    /** Returns the example data of a built-in kind, if there is one. */
    public static Optional<DocumentData> forKind(String kind) {
        try (InputStream in = ExampleData.class.getResourceAsStream("/org/tixun/templates/examples/" + kind + ".json")) {
            return in == null ? Optional.empty() : Optional.of(DocumentData.fromJson(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Example data for " + kind + " is broken", e);
        }
    }

    /**
     * Returns the example interrogation record with its question/answer list repeated up to
     * {@code entries} entries (numbered, so no two are identical), for long-document tests and the
     * benchmark.
     */
    public static DocumentData longInterrogationRecord(int entries) {
        DocumentData base = forKind("INTERROGATION_RECORD").orElseThrow();
        List<QaEntry> source = base.qa();
        List<QaEntry> qa = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            QaEntry e = source.get(i % source.size());
            qa.add(new QaEntry(e.q(), e.a() + (i >= source.size() ? "（第" + (i + 1) + "条）" : "")));
        }
        return base.withQa(qa);
    }
}
