package org.parley.api;

/**
 * The kinds of objects a global ID can name; the name is part of the encoded ID. A kind of record (a table with the
 * columns of {@code write.RecordEntity}) names its table here: that one entry is what the tombstone feed reads, and
 * with the kind's {@link NodeLoader} bean what {@code node(id:)} and the change feed resolve.
 */
public enum NodeType {
    ACTOR("Actor", "actor"),
    ENCOUNTER("Encounter", "encounter"),
    STATEMENT("Statement", "statement"),
    SOURCE("Source", "source"),
    AGREEMENT("Agreement", "agreement"),
    /** A role is part of its actor: its changes are the actor's (version, change entry); it leaves no tombstone. */
    ROLE("Role", null);

    private final String typeName;
    private final String table;

    NodeType(String typeName, String table) {
        this.typeName = typeName;
        this.table = table;
    }

    public String typeName() {
        return typeName;
    }

    /** The table of a kind of record (soft-deleted, versioned); null for parts of a record, such as roles. */
    public String table() {
        return table;
    }

    static NodeType ofTypeName(String typeName) {
        for (NodeType type : values()) {
            if (type.typeName.equals(typeName)) {
                return type;
            }
        }
        return null;
    }
}
