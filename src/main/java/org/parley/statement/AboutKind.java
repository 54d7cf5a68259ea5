package org.parley.statement;

import java.util.function.Function;

import org.parley.api.NodeType;

/**
 * The kinds of record a statement can be about, each with its input field and its link table: a kind that
 * statements can be about is one constant here, a field in each input and a batched field on its type.
 */
enum AboutKind {

    ACTOR("about", "statement_about", "actor_id", NodeType.ACTOR, r -> r.about, u -> u.about),
    ENCOUNTER("aboutEncounters", "statement_about_encounter", "encounter_id", NodeType.ENCOUNTER,
            r -> r.aboutEncounters, u -> u.aboutEncounters),
    AGREEMENT("aboutAgreements", "statement_about_agreement", "agreement_id", NodeType.AGREEMENT,
            r -> r.aboutAgreements, u -> u.aboutAgreements),
    SOURCE("aboutSources", "statement_about_source", "source_id", NodeType.SOURCE, r -> r.aboutSources,
            u -> u.aboutSources),
    STATEMENT("aboutStatements", "statement_about_statement", "about_statement_id", NodeType.STATEMENT,
            r -> r.aboutStatements, u -> u.aboutStatements);

    /** The field of the inputs, as user errors name it. */
    final String field;
    /** The link table (statement_id, the column below, position). */
    final String table;
    /** The link table's column naming the record. */
    final String column;
    final NodeType type;
    final Function<RecordStatementInput, java.util.List<String>> recorded;
    final Function<UpdateStatementInput, java.util.List<String>> updated;

    AboutKind(String field, String table, String column, NodeType type,
            Function<RecordStatementInput, java.util.List<String>> recorded,
            Function<UpdateStatementInput, java.util.List<String>> updated) {
        this.field = field;
        this.table = table;
        this.column = column;
        this.type = type;
        this.recorded = recorded;
        this.updated = updated;
    }

    /** The table of the records named (the type's table). */
    String target() {
        return type.table();
    }
}
