// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.util.List;

/** What the application asks of the templates module: list kinds, describe fields, validate, render. */
public interface TemplateService {

    /** Returns the available templates (built-in kinds, overridden or extended by custom ones). */
    List<DocumentTemplate> list();

    /** Returns the problems found while loading custom templates (empty when all loaded). */
    List<LoadProblem> loadProblems();

    /**
     * Returns the fields of a kind.
     *
     * @throws UnknownKindException listing the known kinds
     */
    List<FieldSpec> fields(String kind) throws UnknownKindException;

    /**
     * Checks data against a kind's manifest.
     *
     * @throws UnknownKindException listing the known kinds
     * @throws InvalidDataException listing every problem
     */
    void validate(String kind, DocumentData data) throws UnknownKindException, InvalidDataException;

    /**
     * Validates and renders data to a PDF/A-3b document.
     *
     * @throws UnknownKindException listing the known kinds
     * @throws InvalidDataException listing every problem
     */
    RenderResult render(String kind, DocumentData data, Lang lang) throws UnknownKindException, InvalidDataException;
}
