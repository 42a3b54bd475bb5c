// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** {@link TemplateService} over a {@link TemplateRegistry} and a {@link DocumentRenderer}. */
public final class DefaultTemplateService implements TemplateService {

    private final TemplateRegistry registry;
    private final DocumentRenderer renderer;

    /** Creates the service over a loaded registry. */
    public DefaultTemplateService(TemplateRegistry registry) {
        this(registry, new DocumentRenderer());
    }

    private DefaultTemplateService(TemplateRegistry registry, DocumentRenderer renderer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.renderer = renderer;
    }

    /**
     * The same templates rendered with the demo's mark 「演示 · 非正式证据」 on every page: for records the demo makes
     * (or a session in a demo data dir), never for a real one.
     */
    public DefaultTemplateService withDemoMark() {
        return new DefaultTemplateService(registry, new DocumentRenderer(true));
    }

    /** Whether this service marks its documents as demo records. */
    public boolean demoMark() {
        return renderer.demoMark();
    }

    /** Creates the service with the built-in templates and those under {@code <dataDir>/templates}. */
    public static DefaultTemplateService forDataDir(Path dataDir) {
        return new DefaultTemplateService(TemplateRegistry.load(dataDir.resolve("templates")));
    }

    /** Returns the registry. */
    public TemplateRegistry registry() {
        return registry;
    }

    @Override
    public List<DocumentTemplate> list() {
        return registry.templates();
    }

    @Override
    public List<LoadProblem> loadProblems() {
        return registry.problems();
    }

    @Override
    public List<FieldSpec> fields(String kind) throws UnknownKindException {
        return registry.require(kind).fields();
    }

    @Override
    public void validate(String kind, DocumentData data) throws UnknownKindException, InvalidDataException {
        registry.require(kind).validate(data);
    }

    @Override
    public RenderResult render(String kind, DocumentData data, Lang lang) throws UnknownKindException, InvalidDataException {
        return renderer.render(registry.require(kind), data, lang);
    }

    /** The live record's page at the cursor (see {@link DocumentRenderer#renderLive}); display only. */
    public LivePage renderLive(String kind, DocumentData data, Lang lang, int cursorEntry, boolean cursorInAnswer)
            throws UnknownKindException, InvalidDataException {
        return renderer.renderLive(registry.require(kind), data, lang, cursorEntry, cursorInAnswer);
    }
}
