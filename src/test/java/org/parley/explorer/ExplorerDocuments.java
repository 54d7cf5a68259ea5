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

/**
 * The Explorer's GraphQL documents as the browser sends them: an operation ({@code explorer/queries/*.graphql}: a
 * page's query, a "more", a picker's, an editor's mutation) with the shared fragments it spreads appended, as
 * {@code api.js} assembles them.
 */
final class ExplorerDocuments {

    static final Path QUERIES = Path.of("src/main/resources/META-INF/resources/explorer/queries");
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Za-z_]\\w*)");
    private static final Pattern FRAGMENT = Pattern.compile("^fragment (\\w+)");

    private ExplorerDocuments() {
    }

    /** Every document, by operation name (the file's name). */
    static Map<String, String> all() {
        Map<String, String> fragments = fragments();
        Map<String, String> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(QUERIES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".graphql")
                    && !f.getFileName().toString().equals("fragments.graphql")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".graphql", "");
                documents.put(name, assemble(read(file), fragments));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, String> fragments() {
        Map<String, String> byName = new LinkedHashMap<>();
        String[] parts = read(QUERIES.resolve("fragments.graphql")).split("\n(?=fragment )");
        for (int i = 1; i < parts.length; i++) {
            Matcher name = FRAGMENT.matcher(parts[i]);
            if (!name.find()) {
                throw new IllegalStateException("not a fragment: " + parts[i]);
            }
            byName.put(name.group(1), parts[i].strip());
        }
        return byName;
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
