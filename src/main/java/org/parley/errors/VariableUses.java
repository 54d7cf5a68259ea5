package org.parley.errors;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;


/**
 * The arguments and input fields a document gives a variable to, so that a refused variable can be reported by the
 * argument it was meant for ({@code first}), as a refused literal is. Only used to word an error: the document was
 * parsed and checked against the limits before, so parsing it again is bounded, and any failure yields no names.
 */
final class VariableUses {

    private VariableUses() {
    }

    static List<String> of(String query, String variable) {
        if (query == null) {
            return List.of();
        }
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (RuntimeException e) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        collect(document, variable, null, names);
        return List.copyOf(names);
    }

    private static void collect(Node<?> node, String variable, String name, Set<String> names) {
        if (node instanceof VariableReference reference) {
            if (name != null && reference.getName().equals(variable)) {
                names.add(name);
            }
            return;
        }
        String here = node instanceof Argument argument ? argument.getName()
                : node instanceof ObjectField field ? field.getName() : name;
        for (Node<?> child : node.getChildren()) {
            collect(child, variable, here, names);
        }
    }
}
