package org.parley.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Explorer's GraphQL documents as the browser sends them: an operation ({@code explorer/queries/*.graphql}: a
 * page's query, a "more", a picker's, an editor's mutation) with the shared fragments it spreads appended, as
 * {@code api.js} assembles them, read from the module the app ships them in ({@code explorer/documents.js}, written
 * by the build from those files: src/build/BundleExplorerDocuments.java).
 */
final class ExplorerDocuments {

    static final Path QUERIES = Path.of("src/main/resources/META-INF/resources/explorer/queries");
    static final Path BUNDLE = Path.of("target/classes/META-INF/resources/explorer/documents.js");
    private static final Pattern BUNDLED = Pattern.compile(
            "^export const operations = (\\{.*?^\\});\\nexport const fragments = (\".*\");$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Za-z_]\\w*)");
    private static final Pattern FRAGMENT = Pattern.compile("^fragment (\\w+)");

    private ExplorerDocuments() {
    }

    /** Every document as shipped, by operation name (the file's name), with its fragments. */
    static Map<String, String> all() {
        Map<String, String> fragments = fragments();
        Map<String, String> documents = new LinkedHashMap<>();
        bundled(1).fields().forEachRemaining(operation -> documents.put(operation.getKey(),
                assemble(operation.getValue().textValue(), fragments)));
        return documents;
    }

    /** The shared fragments as shipped, by name. */
    static Map<String, String> fragments() {
        Map<String, String> byName = new LinkedHashMap<>();
        String[] parts = bundled(2).textValue().split("\n(?=fragment )");
        for (int i = 1; i < parts.length; i++) {
            Matcher name = FRAGMENT.matcher(parts[i]);
            if (!name.find()) {
                throw new IllegalStateException("not a fragment: " + parts[i]);
            }
            byName.put(name.group(1), parts[i].strip());
        }
        return byName;
    }

    /** The operations of documents.js (group 1) or its fragments (group 2), as JSON. */
    private static JsonNode bundled(int group) {
        Matcher bundle = BUNDLED.matcher(read(BUNDLE));
        if (!bundle.find()) {
            throw new IllegalStateException(BUNDLE + " is not as BundleExplorerDocuments writes it");
        }
        try {
            return new ObjectMapper().readTree(bundle.group(group));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of queries/ and their text, by name (fragments.graphql too). */
    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> listed = Files.list(QUERIES)) {
            listed.filter(f -> f.getFileName().toString().endsWith(".graphql")).sorted()
                    .forEach(f -> files.put(f.getFileName().toString().replace(".graphql", ""), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String assemble(String operation, Map<String, String> fragments) {
        Set<String> included = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(operation));
        while (!pending.isEmpty()) {
            Matcher spread = SPREAD.matcher(pending.pop());
            while (spread.find()) {
                String name = spread.group(1);
                if (!name.equals("on") && fragments.containsKey(name) && included.add(name)) {
                    pending.push(fragments.get(name));
                }
            }
        }
        List<String> parts = new ArrayList<>(List.of(operation.strip()));
        included.forEach(name -> parts.add(fragments.get(name)));
        return String.join("\n\n", parts);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
