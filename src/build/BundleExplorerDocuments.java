import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step (pom.xml, phase process-resources; run by the JDK's source launcher, nothing to install): writes the
 * Explorer's GraphQL documents ({@code explorer/queries/*.graphql}) into one module, {@code explorer/documents.js},
 * beside the app in target/classes, so that a page sends its read without fetching its documents first.
 *
 * <pre>java src/build/BundleExplorerDocuments.java QUERIES_DIR OUTPUT_FILE</pre>
 */
public class BundleExplorerDocuments {

    public static void main(String[] args) throws IOException {
        Path queries = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> listed = Files.list(queries)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".graphql")).sorted().toList();
        }
        String operations = files.stream()
                .filter(f -> !f.getFileName().toString().equals("fragments.graphql"))
                .map(f -> string(f.getFileName().toString().replace(".graphql", "")) + ":" + string(read(f)))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
        String module = """
                // The Explorer's GraphQL documents, written at build time from queries/*.graphql by
                // src/build/BundleExplorerDocuments.java (edit those files, not this one): api.js sends them from here.
                // Each value is JSON, so that ExplorerDocumentsTest reads the bundle as shipped.
                export const operations = %s;
                export const fragments = %s;
                """.formatted(operations, string(read(queries.resolve("fragments.graphql"))));
        Files.createDirectories(output.getParent());
        Files.writeString(output, module, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    /** A JSON string (and so a JavaScript one). */
    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 || c == '\u2028' || c == '\u2029' ? "\\u%04x".formatted((int) c) : c);
            }
        }
        return json.append('"').toString();
    }
}
