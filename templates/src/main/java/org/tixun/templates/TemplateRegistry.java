// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The templates available to the application: the eight built-in kinds, overridden or extended by
 * custom template folders, plus the problems found while loading them.
 *
 * <p>A custom template is a folder under {@code <dataDir>/templates/} holding {@code manifest.json},
 * {@code layout-zh.xhtml} and {@code layout-en.xhtml}. A valid folder replaces the built-in template
 * of the same kind or adds a new kind; a broken one is reported and ignored, so the others keep
 * working.
 */
public final class TemplateRegistry {

    static final String BUILTIN_ROOT = "/org/tixun/templates/builtin/";

    private final Map<String, DocumentTemplate> templates;
    private final List<LoadProblem> problems;

    private TemplateRegistry(Map<String, DocumentTemplate> templates, List<LoadProblem> problems) {
        this.templates = Collections.unmodifiableMap(templates);
        this.problems = List.copyOf(problems);
    }

    /** Loads only the built-in templates. */
    public static TemplateRegistry builtIn() {
        Map<String, DocumentTemplate> templates = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        loadBuiltIns(templates, problems);
        return new TemplateRegistry(templates, problems);
    }

    /**
     * Loads the built-in templates, then every folder of {@code customDir} (in name order); a missing
     * directory means no custom templates.
     */
    public static TemplateRegistry load(Path customDir) {
        Map<String, DocumentTemplate> templates = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        loadBuiltIns(templates, problems);
        if (customDir != null && Files.isDirectory(customDir)) {
            List<Path> folders;
            try (Stream<Path> list = Files.list(customDir)) {
                folders = list.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                problems.add(new LoadProblem(customDir.toString(), 0, "cannot list: " + e.getMessage()));
                folders = List.of();
            }
            for (Path folder : folders) {
                TemplateLoader.Result result = loadFolder(folder);
                problems.addAll(result.problems());
                if (result.template() != null) {
                    templates.put(result.template().kind(), result.template());
                }
            }
        }
        return new TemplateRegistry(templates, problems);
    }

    /** Loads and validates one custom template folder without registering it. */
    public static List<LoadProblem> check(Path folder) {
        return loadFolder(folder).problems();
    }

    static TemplateLoader.Result loadFolder(Path folder) {
        TemplateLoader.Folder files = new TemplateLoader.Folder() {
            @Override
            public Optional<String> read(String name) throws IOException {
                Path file = folder.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
            }

            @Override
            public String display(String name) {
                return folder.resolve(name).toString();
            }
        };
        return TemplateLoader.load(files, folder.toString());
    }

    private static void loadBuiltIns(Map<String, DocumentTemplate> templates, List<LoadProblem> problems) {
        for (String dir : readResource(BUILTIN_ROOT + "index.txt").orElseThrow().lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            TemplateLoader.Folder files = new TemplateLoader.Folder() {
                @Override
                public Optional<String> read(String name) {
                    return readResource(BUILTIN_ROOT + dir + "/" + name);
                }

                @Override
                public String display(String name) {
                    return "builtin:" + dir + "/" + name;
                }
            };
            TemplateLoader.Result result = TemplateLoader.load(files, "builtin:" + dir);
            problems.addAll(result.problems());
            if (result.template() != null) {
                templates.put(result.template().kind(), result.template());
            }
        }
    }

    static Optional<String> readResource(String name) {
        try (InputStream in = TemplateRegistry.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }

    /** Returns the templates in registration order (built-ins first). */
    public List<DocumentTemplate> templates() {
        return List.copyOf(templates.values());
    }

    /** Returns the kind codes. */
    public List<String> kinds() {
        return List.copyOf(templates.keySet());
    }

    /** Finds a template by kind code. */
    public Optional<DocumentTemplate> find(String kind) {
        return Optional.ofNullable(templates.get(kind));
    }

    /**
     * Returns the template of a kind.
     *
     * @throws UnknownKindException listing the known kinds
     */
    public DocumentTemplate require(String kind) throws UnknownKindException {
        DocumentTemplate template = templates.get(kind);
        if (template == null) {
            throw new UnknownKindException(kind, templates.keySet());
        }
        return template;
    }

    /** Returns the problems found while loading, in order; empty when everything loaded. */
    public List<LoadProblem> problems() {
        return problems;
    }
}
